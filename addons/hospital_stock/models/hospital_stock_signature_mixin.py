from odoo import api, fields, models
from odoo.exceptions import UserError


class HospitalStockSignatureMixin(models.AbstractModel):
    """Signatures drawn in the web client, each one owned by a person.

    A paper form is signed by the person named on it; here the signature field
    is written by whoever is logged in, so the document says who may sign each
    field and stamps who did and when.  ``_hospital_signers`` maps a signature
    field to the method returning the users allowed to draw it; the model
    declares ``<field>_user_id`` and ``<field>_date`` next to it.
    """

    _name = "hospital.stock.signature.mixin"
    _description = "Hospital Signed Document"

    _hospital_signers = {}

    hospital_signer_name = fields.Char(
        compute="_compute_hospital_signer_name",
        help="Prefills the signature pad with the name of who is signing.",
    )

    @api.depends_context("uid")
    def _compute_hospital_signer_name(self):
        for record in self:
            record.hospital_signer_name = self.env.user.name

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._hospital_stamp_signatures(vals)
        records = super().create(vals_list)
        for record, vals in zip(records, vals_list, strict=True):
            record._hospital_check_signers(vals)
        return records

    def write(self, vals):
        if any(field in vals for field in self._hospital_signers):
            for record in self:
                record._hospital_check_signers(vals)
            self._hospital_stamp_signatures(vals)
        return super().write(vals)

    def _hospital_stamp_signatures(self, vals):
        for field in self._hospital_signers:
            if field not in vals:
                continue
            if vals[field]:
                # Demo and migration data are written as the superuser on
                # behalf of a named person, who is then given explicitly.
                if not (self.env.su and vals.get(f"{field}_user_id")):
                    vals[f"{field}_user_id"] = self.env.uid
                vals.setdefault(f"{field}_date", fields.Datetime.now())
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
                        field=self._fields[field].get_description(self.env)["string"],
                        document=self.display_name,
                        signers=", ".join(signers.mapped("name"))
                        or self.env._("the person named on it"),
                    )
                )
