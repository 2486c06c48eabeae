from odoo import fields, models

SCENARIOS = [
    ("power", "Power Failure"),
    ("water", "Water Supply Failure"),
    ("fire", "Fire"),
    ("elevator", "Elevator Entrapment"),
    ("gas", "Gas / Oxygen Leak"),
    ("weather", "Typhoon, Flood, Snow"),
    ("casualty", "Mass Casualty"),
    ("other", "Other"),
]


class HospitalEmergencyPlan(models.Model):
    """An emergency plan (应急预案) for one scenario, with its emergency team
    (who, role, phone) and the outside contacts to call (power company,
    elevator maintainer, fire brigade...)."""

    _name = "hospital.emergency.plan"
    _description = "Emergency Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "scenario, name"

    name = fields.Char(required=True, tracking=True, translate=True)
    scenario = fields.Selection(SCENARIOS, required=True, tracking=True)
    responsible_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True, required=True
    )
    revision_date = fields.Date(default=fields.Date.context_today, tracking=True)
    procedure = fields.Html(help="What to do, step by step.")
    member_ids = fields.One2many(
        "hospital.emergency.plan.member", "plan_id", string="Emergency Team"
    )
    contact_ids = fields.Many2many(
        "res.partner",
        "hospital_emergency_plan_contact_rel",
        "plan_id",
        "partner_id",
        string="Outside Contacts",
    )
    drill_ids = fields.One2many("hospital.emergency.drill", "plan_id", string="Drills")
    last_drill_date = fields.Date(compute="_compute_last_drill_date")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True, tracking=True)

    def _compute_last_drill_date(self):
        last = dict(
            self.env["hospital.emergency.drill"]._read_group(
                [("plan_id", "in", self.ids), ("state", "=", "done")],
                ["plan_id"],
                ["date:max"],
            )
        )
        for plan in self:
            plan.last_drill_date = last.get(plan, False)


class HospitalEmergencyPlanMember(models.Model):
    _name = "hospital.emergency.plan.member"
    _description = "Emergency Team Member"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "hospital.emergency.plan", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="restrict")
    role = fields.Char(
        required=True, translate=True, help="e.g. commander, electrician on call"
    )
    phone = fields.Char(help="Phone reachable 24 hours.")
