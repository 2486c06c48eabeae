from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The worker's name and post become the employee's (indexed) name and job.
NAME_LIMIT = 128
CERTIFICATE_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
    ("missing", "Missing"),
]


class HospitalOutsourcingStaff(models.Model):
    """A worker a vendor puts on the hospital's services (外包人员花名册).

    The person is an ``hr.employee`` of type contractor, created with the
    roster entry, so that the certificates are the suite's licences
    (``hospital.licence`` of ``hospital_qualification``, mirrored in
    hr_skills) and are checked by the same API as the hospital's own
    technicians.  A worker with a certificate missing or expired is flagged
    and is refused on an agreement's staffing and on a vendor ticket."""

    _name = "hospital.outsourcing.staff"
    _description = "Outsourced Worker"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "vendor_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Employee Record",
        readonly=True,
        copy=False,
        index=True,
        ondelete="restrict",
        help="The contractor employee holding the certificates, created with "
        "the roster entry.",
    )
    vendor_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    post = fields.Char(help="e.g. elevator fitter, cook, cleaner")
    phone = fields.Char()
    id_number = fields.Char(string="ID Card Number")
    active = fields.Boolean(default=True, tracking=True)
    agreement_ids = fields.Many2many(
        "hospital.outsourcing.agreement",
        "hospital_outsourcing_agreement_staff_rel",
        "staff_id",
        "agreement_id",
        string="Agreements Staffed",
        check_company=True,
        domain="[('vendor_id', '=', vendor_id), ('state', '!=', 'ended')]",
    )
    required_licence_type_ids = fields.Many2many(
        "hospital.licence.type",
        compute="_compute_certificates",
        string="Certificates Required",
    )
    licence_ids = fields.Many2many(
        "hospital.licence", compute="_compute_certificates", string="Certificates"
    )
    certificate_state = fields.Selection(
        CERTIFICATE_STATES,
        compute="_compute_certificates",
        search="_search_certificate_state",
        string="Certificate Status",
        help="Missing or expired: the worker may not be put on a service that "
        "requires the certificate.",
    )
    certificate_problems = fields.Text(compute="_compute_certificates")
    next_expiry = fields.Date(
        compute="_compute_certificates", string="Next Certificate Expiry"
    )
    renewal_ids = fields.One2many(
        "hospital.outsourcing.licence.renewal", "staff_id", string="Renewals"
    )
    note = fields.Text()

    @api.depends("name", "vendor_id")
    def _compute_display_name(self):
        for staff in self:
            staff.display_name = (
                f"{staff.name} ({staff.vendor_id.name})"
                if staff.vendor_id
                else staff.name
            )

    # ------------------------------------------------------------ certificates
    def _hospital_certificate_status(self):
        """``{staff_id: (state, problems, licences, required, next_expiry)}`` for
        the workers of ``self``, in a constant number of queries: the required
        types are those of the agreements staffed and of the certificates the
        worker holds (a held certificate that expired is flagged too)."""
        staff = self.sudo().filtered("employee_id")
        result = {
            worker.id: ("missing", "", self.env["hospital.licence"], False, False)
            for worker in self
        }
        if not staff:
            return result
        licences = (
            self.env["hospital.licence"]
            .sudo()
            .search([("employee_id", "in", staff.employee_id.ids)])
        )
        by_employee = {}
        for licence in licences:
            by_employee.setdefault(licence.employee_id.id, licence.browse())
            by_employee[licence.employee_id.id] |= licence
        required = {
            worker.id: worker.agreement_ids.licence_type_ids for worker in staff
        }
        all_types = self.env["hospital.licence.type"].union(
            licences.licence_type_id, *required.values()
        )
        problems = staff.employee_id._hospital_licence_problems(all_types)
        for worker in staff:
            held = by_employee.get(worker.employee_id.id, licences.browse())
            types = required[worker.id] | held.licence_type_id
            issues = [
                problem
                for problem in problems.get(worker.employee_id.id, [])
                if problem["licence_type"] in types
            ]
            current = held.filtered(lambda lic: lic.state != "expired")
            # The expiry that matters per type is that of the newest licence.
            latest = {}
            for licence in held:
                kind = licence.licence_type_id.id
                latest[kind] = max(
                    latest.get(kind, licence.expiry_date), licence.expiry_date
                )
            if any(not issue["expiry_date"] for issue in issues):
                state = "missing"
            elif issues:
                state = "expired"
            elif current.filtered(lambda lic: lic.state == "expiring"):
                state = "expiring"
            else:
                state = "valid"
            result[worker.id] = (
                state,
                "\n".join(issue["message"] for issue in issues),
                held,
                required[worker.id],
                min(latest.values(), default=False),
            )
        return result

    @api.depends("employee_id", "agreement_ids.licence_type_ids")
    def _compute_certificates(self):
        status = self._hospital_certificate_status()
        for worker in self:
            state, problems, held, required, expiry = status[worker.id]
            worker.certificate_state = state
            worker.certificate_problems = problems
            worker.licence_ids = held
            worker.required_licence_type_ids = required
            worker.next_expiry = expiry

    def _search_certificate_state(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        workers = self.search([("vendor_id", "!=", False)])
        status = workers._hospital_certificate_status()
        matching = [
            worker_id for worker_id, entry in status.items() if entry[0] in value
        ]
        return [("id", operator, matching)]

    def _hospital_check_assignable(self, licence_types, what):
        """Refuse (``UserError``) workers lacking a valid certificate of
        ``licence_types`` today, naming ``what`` they were put on."""
        workers = self.sudo()
        if not licence_types or not workers:
            return True
        missing = workers.filtered(lambda w: not w.employee_id)
        problems = workers.employee_id._hospital_licence_problems(licence_types)
        messages = [
            problem["message"]
            for worker in workers - missing
            for problem in problems.get(worker.employee_id.id, [])
        ] + [
            self.env._("%(person)s has no certificate at all.", person=worker.name)
            for worker in missing
        ]
        if messages:
            raise UserError(
                self.env._(
                    "%(what)s cannot be staffed with these workers:\n%(problems)s",
                    what=what,
                    problems="\n".join(messages),
                )
            )
        return True

    def _hospital_check_agreements(self, pairs):
        """``pairs``: ``[(worker, agreements newly staffed)]``: the worker is of
        the agreement's vendor and holds what the agreement requires."""
        for worker, agreements in pairs:
            for agreement in agreements.sudo():
                if agreement.vendor_id != worker.sudo().vendor_id:
                    raise ValidationError(
                        self.env._(
                            "%(person)s works for %(vendor)s, not for the vendor "
                            "of %(agreement)s.",
                            person=worker.name,
                            vendor=worker.sudo().vendor_id.name,
                            agreement=agreement.display_name,
                        )
                    )
                worker._hospital_check_assignable(
                    agreement.licence_type_ids, agreement.display_name
                )

    # ------------------------------------------------------------ CRUD
    def _hospital_check_lengths(self, vals):
        for fname in ("name", "post"):
            value = vals.get(fname)
            if isinstance(value, str) and len(value) > NAME_LIMIT:
                raise ValidationError(
                    self.env._(
                        "%(field)s of a worker is at most %(limit)s characters.",
                        field=self._fields[fname].get_description(self.env)["string"],
                        limit=NAME_LIMIT,
                    )
                )

    def _hospital_employee_values(self, vals):
        return {
            "name": vals.get("name"),
            "employee_type": "contractor",
            "company_id": vals.get("company_id") or self.env.company.id,
            "job_title": vals.get("post") or False,
            "mobile_phone": vals.get("phone") or False,
        }

    @api.model_create_multi
    def create(self, vals_list):
        Employee = self.env["hr.employee"].sudo()
        for vals in vals_list:
            self._hospital_check_lengths(vals)
            if not vals.get("employee_id") and vals.get("name"):
                vals["employee_id"] = Employee.create(
                    self._hospital_employee_values(vals)
                ).id
        workers = super().create(vals_list)
        workers._hospital_check_agreements(
            [(worker, worker.agreement_ids) for worker in workers]
        )
        return workers

    def write(self, vals):
        self._hospital_check_lengths(vals)
        before = {worker.id: worker.agreement_ids for worker in self}
        if "vendor_id" in vals and self.sudo().agreement_ids:
            raise UserError(
                self.env._(
                    "Take the worker off the vendor's agreements before moving "
                    "them to another vendor."
                )
            )
        result = super().write(vals)
        if "agreement_ids" in vals:
            self._hospital_check_agreements(
                [(worker, worker.agreement_ids - before[worker.id]) for worker in self]
            )
        synced = {
            key: vals[field]
            for field, key in (
                ("name", "name"),
                ("post", "job_title"),
                ("phone", "mobile_phone"),
                ("active", "active"),
            )
            if field in vals
        }
        if synced:
            self.sudo().employee_id.write(synced)
        return result

    # ------------------------------------------------------------ buttons
    def action_new_certificate(self):
        """Enter a certificate of the worker (a licence of the suite)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hospital.licence",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.employee_id.id},
        }

    @api.model
    def _hospital_portal_fixture(self, partner):
        """A worker of vendor ``partner`` with an expired health certificate,
        for the suite's portal isolation test."""
        worker = self.create(
            {"name": f"Worker of {partner.name}", "vendor_id": partner.id}
        )
        licence_type = self.env.ref("hospital_outsourcing.hospital_licence_type_health")
        today = fields.Date.context_today(self)
        self.env["hospital.licence"].create(
            {
                "name": f"HC-{partner.id}",
                "employee_id": worker.employee_id.id,
                "licence_type_id": licence_type.id,
                "issue_date": today.replace(year=today.year - 2),
            }
        )
        return worker
