from odoo import api, fields, models

AUDIENCES = [("staff", "Staff"), ("patients", "Patients")]


class HospitalKpiSurvey(models.Model):
    """A satisfaction survey (core ``survey``, scored) of the hospital's staff
    or patients about logistics services (DOMAIN.md §8).  Each completed
    answer's score (%) is one respondent's satisfaction; the answers
    completed in a period feed its satisfaction KPIs, per department when the
    survey is a department's."""

    _name = "hospital.kpi.survey"
    _description = "Logistics Satisfaction Survey"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        ondelete="restrict",
        tracking=True,
        help="A scored survey: each answer's score (%) is the respondent's "
        "satisfaction.",
    )
    name = fields.Char(related="survey_id.title", string="Survey Title")
    audience = fields.Selection(
        AUDIENCES, required=True, default="staff", tracking=True
    )
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        tracking=True,
        help="The department whose staff or patients answer; empty for a "
        "hospital-wide survey.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    answer_count = fields.Integer(compute="_compute_answers")
    satisfaction = fields.Float(string="Satisfaction (%)", compute="_compute_answers")

    _survey_company_unique = models.Constraint(
        "UNIQUE(survey_id, company_id)",
        "This survey already feeds the hospital's satisfaction KPIs.",
    )

    @api.depends("survey_id")
    def _compute_answers(self):
        groups = {
            survey.id: (count, avg)
            for survey, count, avg in self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("survey_id", "in", self.survey_id.ids), ("state", "=", "done")],
                ["survey_id"],
                ["__count", "scoring_percentage:avg"],
            )
        }
        for link in self:
            count, avg = groups.get(link.survey_id.id, (0, 0.0))
            link.answer_count = count
            link.satisfaction = avg or 0.0

    def action_view_answers(self):
        self.ensure_one()
        return self.survey_id.action_result_survey()
