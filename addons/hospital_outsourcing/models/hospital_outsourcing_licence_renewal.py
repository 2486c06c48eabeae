from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

# A scan of a certificate is a phone picture or a PDF, not an archive.
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
NUMBER_LIMIT = 64


class HospitalOutsourcingLicenceRenewal(models.Model):
    """A renewed certificate a vendor uploads for one of its workers (portal):
    the scan, the new number and the new dates.  It changes nothing until the
    logistics manager verifies it against the scan: verifying enters the new
    licence (and archives the old one); the worker stays refused on licensed
    work until then."""

    _name = "hospital.outsourcing.licence.renewal"
    _description = "Outsourced Worker Certificate Renewal"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "new_licence_id",
        "verified_by_id",
        "verified_at",
    )
    _hospital_editable_states = {"submitted": ("reject_reason",)}
    _hospital_free_fields = ("active",)

    staff_id = fields.Many2one(
        "hospital.outsourcing.staff",
        string="Worker",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    vendor_id = fields.Many2one(related="staff_id.vendor_id", store=True, index=True)
    company_id = fields.Many2one(related="staff_id.company_id", store=True)
    licence_id = fields.Many2one(
        "hospital.licence",
        string="Certificate Renewed",
        ondelete="set null",
        help="The certificate this renewal replaces, if the worker had one.",
    )
    licence_type_id = fields.Many2one(
        "hospital.licence.type", string="Certificate", required=True
    )
    number = fields.Char(string="New Certificate Number", required=True)
    issue_date = fields.Date(string="Issued On", required=True)
    expiry_date = fields.Date(string="New Expiry Date", required=True)
    document = fields.Binary(string="Scan", attachment=True, required=True)
    document_name = fields.Char(string="File Name")
    state = fields.Selection(
        [
            ("submitted", "Awaiting Verification"),
            ("verified", "Verified"),
            ("rejected", "Rejected"),
        ],
        default="submitted",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    submitted_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user, copy=False
    )
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_at = fields.Datetime(readonly=True, copy=False)
    reject_reason = fields.Text(tracking=True)
    new_licence_id = fields.Many2one(
        "hospital.licence", string="Licence Entered", readonly=True, copy=False
    )

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for renewal in self:
            if renewal.expiry_date <= renewal.issue_date:
                raise ValidationError(
                    self.env._(
                        "A renewed certificate expires after it is issued "
                        "(%(number)s).",
                        number=renewal.number,
                    )
                )

    @api.constrains("licence_id", "staff_id", "licence_type_id")
    def _check_licence(self):
        for renewal in self.sudo():
            licence = renewal.licence_id
            if licence and (
                licence.employee_id != renewal.staff_id.employee_id
                or licence.licence_type_id != renewal.licence_type_id
            ):
                raise ValidationError(
                    self.env._(
                        "The certificate renewed is not a %(type)s of %(person)s.",
                        type=renewal.licence_type_id.name,
                        person=renewal.staff_id.name,
                    )
                )

    @api.depends("staff_id", "licence_type_id", "number")
    def _compute_display_name(self):
        for renewal in self:
            renewal.display_name = (
                f"{renewal.licence_type_id.name or ''} {renewal.number or ''} "
                f"({renewal.staff_id.name or ''})"
            )

    # ------------------------------------------------------------ portal
    @api.model
    def _hospital_vendor_submit(
        self, worker, licence_type, number, issue_date, expiry_date, scan, filename=None
    ):
        """A vendor's user uploads a renewed (or first) certificate of type
        ``licence_type`` for ``worker``, one of the vendor's roster: the scan
        (base64), the new number and dates.  Nothing is validated: the
        renewal waits for the manager."""
        user = self.env.user
        worker = worker.sudo()
        licence_type = licence_type.sudo()
        if (
            not user.share
            or not worker.exists()
            or worker.vendor_id != user.commercial_partner_id
        ):
            raise UserError(self.env._("Only the worker's vendor uploads a renewal."))
        if not licence_type.exists() or licence_type not in (
            worker.licence_ids.licence_type_id | worker.required_licence_type_ids
        ):
            raise ValidationError(
                self.env._(
                    "%(person)s needs no such certificate here.", person=worker.name
                )
            )
        licence = worker.licence_ids.filtered(
            lambda lic: lic.licence_type_id == licence_type
        ).sorted("expiry_date")[-1:]
        if not isinstance(number, str) or not number.strip():
            raise ValidationError(self.env._("Give the new certificate number."))
        if len(number) > NUMBER_LIMIT:
            raise ValidationError(
                self.env._(
                    "A certificate number is at most %(limit)s characters.",
                    limit=NUMBER_LIMIT,
                )
            )
        try:
            issue = fields.Date.to_date(issue_date)
            expiry = fields.Date.to_date(expiry_date)
        except ValueError as exc:
            raise ValidationError(
                self.env._("Give the dates as on the certificate.")
            ) from exc
        if not issue or not expiry:
            raise ValidationError(self.env._("Give the issue and expiry dates."))
        if not scan:
            raise ValidationError(self.env._("Attach the scan of the certificate."))
        pending = self.sudo().search_count(
            [
                ("staff_id", "=", worker.id),
                ("licence_type_id", "=", licence_type.id),
                ("state", "=", "submitted"),
            ]
        )
        if pending:
            raise UserError(
                self.env._(
                    "A renewal of the %(type)s of %(person)s already waits for "
                    "verification.",
                    type=licence_type.name,
                    person=worker.name,
                )
            )
        renewal = self.sudo().create(
            {
                "staff_id": worker.id,
                "licence_id": licence.id,
                "licence_type_id": licence_type.id,
                "number": number.strip(),
                "issue_date": issue,
                "expiry_date": expiry,
                "document": scan,
                "document_name": (filename or number.strip())[:255],
                "submitted_by_id": user.id,
            }
        )
        renewal.message_post(
            body=self.env._(
                "Renewal uploaded by %(user)s, to be verified.", user=user.name
            )
        )
        return renewal

    # ------------------------------------------------------------ review
    def _hospital_check_manager(self):
        if not (self.env.su or self.env.user.has_group(MANAGER)) or (
            self.env.user.share and not self.env.su
        ):
            raise UserError(
                self.env._("Only the logistics manager verifies a renewed certificate.")
            )

    @hospital_transition
    def action_verify(self):
        """The scan matches: enter the new licence from the renewal, archive
        the one it replaces."""
        self._hospital_check_manager()
        self._hospital_check_state("submitted")
        Licence = self.env["hospital.licence"].sudo()
        Attachment = self.env["ir.attachment"].sudo()
        for renewal in self:
            attachment = Attachment.create(
                {
                    "name": renewal.document_name or renewal.number,
                    "datas": renewal.document,
                    "res_model": "hospital.licence",
                }
            )
            licence = Licence.create(
                {
                    "name": renewal.number,
                    "employee_id": renewal.staff_id.employee_id.id,
                    "licence_type_id": renewal.licence_type_id.id,
                    "issue_date": renewal.issue_date,
                    "expiry_date": renewal.expiry_date,
                    "attachment_ids": [fields.Command.set(attachment.ids)],
                }
            )
            attachment.res_id = licence.id
            renewal.licence_id.sudo().active = False
            renewal.write(
                {
                    "state": "verified",
                    "new_licence_id": licence.id,
                    "verified_by_id": self.env.uid,
                    "verified_at": fields.Datetime.now(),
                }
            )
        self._hospital_tell_vendor()
        return True

    def _hospital_tell_vendor(self):
        """The vendor's user who uploaded the renewal hears the outcome, in
        the user's language."""
        for renewal in self:
            user = renewal.submitted_by_id
            if not user.share:
                continue
            env = self.with_context(lang=user.lang or self.env.lang).env
            if renewal.state == "verified":
                body = env._(
                    "The renewed %(type)s of %(person)s was verified: %(person)s "
                    "may work again on the services that require it.",
                    type=renewal.licence_type_id.with_env(env).name,
                    person=renewal.staff_id.name,
                )
            else:
                body = env._(
                    "The renewed %(type)s of %(person)s was rejected: %(reason)s",
                    type=renewal.licence_type_id.with_env(env).name,
                    person=renewal.staff_id.name,
                    reason=renewal.reject_reason,
                )
            renewal.sudo().message_post(
                body=body,
                partner_ids=user.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    @hospital_transition
    def action_reject(self):
        """The scan does not match: the vendor is told why and uploads again."""
        self._hospital_check_manager()
        self._hospital_check_state("submitted")
        for renewal in self:
            if not (renewal.reject_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Say why %(renewal)s is rejected.",
                        renewal=renewal.display_name,
                    )
                )
        self.write(
            {
                "state": "rejected",
                "verified_by_id": self.env.uid,
                "verified_at": fields.Datetime.now(),
            }
        )
        self._hospital_tell_vendor()
        return True

    @api.model
    def _hospital_portal_fixture(self, partner):
        """A renewal uploaded for a worker of vendor ``partner``, for the
        suite's portal isolation test."""
        worker = self.env["hospital.outsourcing.staff"]._hospital_portal_fixture(
            partner
        )
        licence = worker.sudo().licence_ids[:1]
        today = fields.Date.context_today(self)
        return self.create(
            {
                "staff_id": worker.id,
                "licence_id": licence.id,
                "licence_type_id": licence.licence_type_id.id,
                "number": f"HC-NEW-{partner.name}",
                "issue_date": today,
                "expiry_date": today.replace(year=today.year + 1),
                "document": b"c2Nhbg==",
                "document_name": "scan.png",
            }
        )
