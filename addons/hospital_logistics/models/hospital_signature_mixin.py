from odoo import api, fields, models
from odoo.exceptions import UserError

from .hospital_workflow_mixin import ALL_FIELDS


class HospitalSignatureMixin(models.AbstractModel):
    """Signatures drawn in the web client, each one owned by a person, each
    one covering what it certifies.

    A paper form is signed by the person named on it; here the signature field
    is written by whoever is logged in, so the document says who may sign each
    field and stamps who did and when:

    - ``_hospital_signers``: ``{signature field: method}``, the method returns
      the users allowed to draw it; the model declares ``<field>_user_id`` and
      ``<field>_date`` next to it.  The stamps are workflow fields: nobody
      writes them but the signature itself.
    - ``_hospital_signature_certifies``: ``{signature field: ALL_FIELDS or
      (field, "one2many.field", ...)}``, what a given signature freezes
      (default: the whole content).  To change it, the signer withdraws the
      signature first.
    - ``_hospital_check_signable(field)``: refuses a signature while what it
      certifies is incomplete; it sees the content saved with the signature.

    A signature is given or withdrawn in the states whose
    ``_hospital_editable_states`` open it, like any field of the document:
    once the document has moved on, its signatures stay as they were.
    """

    _name = "hospital.signature.mixin"
    _inherit = ["hospital.workflow.mixin"]
    _description = "Hospital Signed Document"

    _hospital_signers = {}
    _hospital_signature_certifies = {}

    hospital_signer_name = fields.Char(
        compute="_compute_hospital_signer_name",
        help="Prefills the signature pad with the name of who is signing.",
    )

    @api.depends_context("uid")
    def _compute_hospital_signer_name(self):
        for record in self:
            record.hospital_signer_name = self.env.user.name

    def _hospital_signature_stamps(self):
        return {
            f"{field}{suffix}"
            for field in self._hospital_signers
            for suffix in ("_user_id", "_date")
        }

    def _hospital_guarded_fields(self):
        return super()._hospital_guarded_fields() | self._hospital_signature_stamps()

    @api.model_create_multi
    def create(self, vals_list):
        # The workflow mixin refuses stamps given by the caller; the stamps
        # are written afterwards, by themselves, so that everything else the
        # caller sent (lines included) goes through every check.
        records = super().create(vals_list)
        for record, vals in zip(records, vals_list, strict=True):
            record._hospital_check_signers(vals)
            record._hospital_sign(vals)
        return records

    def write(self, vals):
        if not any(field in vals for field in self._hospital_signers):
            return super().write(vals)
        for record in self:
            record._hospital_check_signers(vals)
        result = super().write(vals)
        for record in self:
            record._hospital_sign(vals)
        return result

    def _hospital_sign(self, vals):
        """Stamp the signatures given in ``vals``, then refuse those whose
        content is incomplete: the content is checked as written with them
        (a form saves the lines and the signature together)."""
        self.ensure_one()
        signed = [field for field in self._hospital_signers if field in vals]
        if not signed:
            return
        stamps = {field: vals[field] for field in signed}
        stamps.update(
            (stamp, vals[stamp])
            for stamp in self._hospital_signature_stamps()
            if stamp in vals
        )
        self._hospital_stamp_signatures(stamps)
        for field in signed:
            stamps.pop(field)
        super(HospitalSignatureMixin, self._hospital_transition()).write(stamps)
        if self.env.su:
            return
        for field in signed:
            if vals[field]:
                self._hospital_check_signable(field)

    def _hospital_stamp_signatures(self, vals):
        for field in self._hospital_signers:
            if field not in vals:
                continue
            if vals[field]:
                # Demo and migration data are written as the superuser on
                # behalf of a named person, who is then given explicitly.
                if not (self.env.su and vals.get(f"{field}_user_id")):
                    vals[f"{field}_user_id"] = self.env.uid
                if self.env.su:
                    vals.setdefault(f"{field}_date", fields.Datetime.now())
                else:
                    vals[f"{field}_date"] = fields.Datetime.now()
            else:
                vals[f"{field}_user_id"] = False
                vals[f"{field}_date"] = False

    def _hospital_check_signers(self, vals):
        self.ensure_one()
        if self.env.su:
            return
        for field, method in self._hospital_signers.items():
            if field not in vals:
                continue
            if not vals[field]:
                if (
                    self[f"{field}_user_id"]
                    and self[f"{field}_user_id"] != self.env.user
                    and not self._hospital_in_transition()
                ):
                    raise UserError(
                        self.env._(
                            "Only the person who signed can withdraw a signature."
                        )
                    )
                continue
            signers = getattr(self, method)()
            if self.env.user not in signers:
                raise UserError(
                    self.env._(
                        "%(user)s cannot sign “%(field)s” on %(document)s: only "
                        "%(signers)s may sign it. Nobody signs for someone else.",
                        user=self.env.user.name,
                        field=self._hospital_field_labels([field])[0],
                        document=self.display_name,
                        signers=", ".join(signers.mapped("name"))
                        or self.env._("the person named on it"),
                    )
                )

    def _hospital_check_signable(self, field):
        """Refuse signing ``field`` while what it certifies is incomplete."""
        return None

    def _hospital_check_content_editable(self, fnames):
        result = super()._hospital_check_content_editable(fnames)
        # A signature certifies the content, not the other signatures.  It is
        # given once stamped: the content saved together with it (a form
        # saves the lines and the signature at once) is what it certifies.
        content = set(fnames) - set(self._hospital_signers)
        for record in self:
            for field in record._hospital_signers:
                if not record[f"{field}_user_id"]:
                    continue
                certified = record._hospital_signature_certifies.get(field, ALL_FIELDS)
                touched = (
                    content if certified == ALL_FIELDS else content & set(certified)
                )
                if touched:
                    raise UserError(
                        self.env._(
                            "%(document)s is signed (“%(signature)s”, %(signer)s): "
                            "%(fields)s can no longer change. The signer withdraws "
                            "the signature first, then signs again what was changed.",
                            document=record.display_name,
                            signature=record._hospital_field_labels([field])[0],
                            signer=record[f"{field}_user_id"].name or "",
                            fields=", ".join(
                                sorted(record._hospital_field_labels(touched))
                            ),
                        )
                    )
        return result
