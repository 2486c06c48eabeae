from odoo import api, fields, models

LICENCE_SKILL_TYPE = "hospital_qualification.hr_skill_type_licence"


class HospitalLicenceType(models.Model):
    """A kind of licence a trade needs (特种作业操作证): driving licence, boiler
    operator, pressure-vessel (sterilizer) operator, electrician, welder...

    Each type is a certification skill of core ``hr_skills`` (``skill_id``,
    under the skill type "Special-Trade Licences"), so that a licence also
    shows among the employee's certifications and in hr_skills' reports.
    The re-examination cycle is the type's own setting (``cycle_months``).
    """

    _name = "hospital.licence.type"
    _description = "Licence Type"
    _inherit = ["mail.thread"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        help="Short code of the licence, e.g. the category of the "
        "special-trade operation certificate."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: the type is used by every hospital of the database."
    )
    skill_id = fields.Many2one(
        "hr.skill",
        string="Certification",
        readonly=True,
        ondelete="restrict",
        help="The hr_skills certification mirroring this licence type.",
    )
    cycle_months = fields.Integer(
        string="Re-examination Cycle (months)",
        required=True,
        default=12,
        tracking=True,
        help="A licence of this type is valid this many months from its issue "
        "(or last re-examination) date: drivers 12, boiler and sterilizer "
        "operators 48, electricians and welders as the authority sets it.",
    )
    reminder_days = fields.Integer(
        string="Reminder (days before expiry)",
        tracking=True,
        help="Days before expiry when the holder and the logistics office are "
        "reminded. 0: the hospital's setting (Settings > Hospital Logistics).",
    )
    service_category_ids = fields.Many2many(
        "hospital.service.category",
        "hospital_licence_type_service_category_rel",
        "licence_type_id",
        "category_id",
        string="Required for Services",
        help="Dispatching a technician to a service request of these "
        "categories needs a valid licence of this type.",
    )
    description = fields.Text(translate=True)
    licence_count = fields.Integer(compute="_compute_licence_count")

    _check_cycle = models.Constraint(
        "CHECK(cycle_months > 0)",
        "The re-examination cycle of a licence type is at least one month.",
    )
    _check_reminder = models.Constraint(
        "CHECK(reminder_days >= 0)",
        "The reminder of a licence type cannot be negative.",
    )

    def _compute_licence_count(self):
        counts = dict(
            self.env["hospital.licence"]._read_group(
                [("licence_type_id", "in", self.ids)], ["licence_type_id"], ["__count"]
            )
        )
        for licence_type in self:
            licence_type.licence_count = counts.get(licence_type, 0)

    def _hospital_reminder_days(self, company=None):
        """Days before expiry of the reminder, the type's own or the company's."""
        self.ensure_one()
        company = company or self.company_id or self.env.company
        return self.reminder_days or company.hospital_licence_reminder_days

    @api.model_create_multi
    def create(self, vals_list):
        skill_type = self.env.ref(LICENCE_SKILL_TYPE, raise_if_not_found=False)
        types = super().create(vals_list)
        if skill_type:
            for licence_type in types.filtered(lambda t: not t.skill_id):
                licence_type.sudo().skill_id = (
                    self.env["hr.skill"]
                    .sudo()
                    .create({"name": licence_type.name, "skill_type_id": skill_type.id})
                )
        return types

    def write(self, vals):
        result = super().write(vals)
        if "name" in vals:
            for licence_type in self.filtered("skill_id"):
                licence_type.skill_id.sudo().name = licence_type.name
        return result
