from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class HospitalOutsourcingSurvey(models.Model):
    """A satisfaction survey (core ``survey``) of staff or patients about one
    vendor's service in one quarter; its answers' scores feed the quarter's
    scorecard."""

    _name = "hospital.outsourcing.survey"
    _description = "Outsourced Service Satisfaction Survey"
    _order = "year desc, quarter desc, id desc"
    _check_company_auto = True

    agreement_id = fields.Many2one(
        "hospital.outsourcing.agreement",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    vendor_id = fields.Many2one(related="agreement_id.vendor_id", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        ondelete="restrict",
        help="A scored survey: each answer's score (%) is the respondent's "
        "satisfaction.",
    )
    audience = fields.Selection(
        [("staff", "Staff"), ("patients", "Patients")], required=True, default="staff"
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    quarter = fields.Selection(QUARTERS, required=True)
    answer_count = fields.Integer(compute="_compute_answers")
    satisfaction = fields.Float(string="Satisfaction (%)", compute="_compute_answers")

    _survey_quarter_unique = models.Constraint(
        "UNIQUE(agreement_id, survey_id, year, quarter)",
        "This survey already counts for this agreement and quarter.",
    )

    @api.constrains("year")
    def _check_year(self):
        for survey in self:
            if not 2000 <= survey.year <= 2100:
                raise ValidationError(
                    self.env._("%(year)s is no year of service.", year=survey.year)
                )

    @api.depends("survey_id")
    def _compute_answers(self):
        groups = dict(
            (survey.id, (count, avg))
            for survey, count, avg in self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("survey_id", "in", self.survey_id.ids), ("state", "=", "done")],
                ["survey_id"],
                ["__count", "scoring_percentage:avg"],
            )
        )
        for survey in self:
            count, avg = groups.get(survey.survey_id.id, (0, 0.0))
            survey.answer_count = count
            survey.satisfaction = avg or 0.0
