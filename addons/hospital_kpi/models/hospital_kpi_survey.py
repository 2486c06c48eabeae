from datetime import datetime, time

from dateutil.relativedelta import relativedelta

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

    @api.model
    def _hospital_demo_surveys(self, today):
        """Demo: the logistics satisfaction surveys of the last three quarters
        and this one, staff (by ward) and patients.  Scores go down in the
        last quarter in the Cardiology Ward: staff satisfaction misses its
        target there."""
        ref = self.env.ref
        answers = [score for score in range(0, 101, 10)]
        question = {
            "title": "您对后勤服务（维修、保洁、送物、配餐）的总体满意程度？",
            "question_type": "simple_choice",
            "suggested_answer_ids": [
                (0, 0, {"value": f"{score} 分", "answer_score": score})
                for score in answers
            ],
        }
        surveys = {}
        for key, title, audience, department in (
            (
                "staff_cardiology",
                "后勤服务满意度调查（心内科职工）",
                "staff",
                "hospital_logistics.dept_cardiology",
            ),
            (
                "staff_icu",
                "后勤服务满意度调查（ICU 职工）",
                "staff",
                "hospital_logistics.dept_icu",
            ),
            ("patients", "住院病人后勤服务满意度调查", "patients", False),
        ):
            survey = self.env["survey.survey"].create(
                {
                    "title": title,
                    "scoring_type": "scoring_without_answers",
                    "question_and_page_ids": [(0, 0, question)],
                }
            )
            self.create(
                {
                    "survey_id": survey.id,
                    "audience": audience,
                    "department_id": department and ref(department).id,
                }
            )
            surveys[key] = survey
        start = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
        quarters = [start - relativedelta(months=3 * back) for back in (2, 1, 0)]
        # scores per quarter: two quarters ago, last quarter, this quarter
        scores = {
            "staff_cardiology": ([90, 100, 90, 90], [80, 70, 90, 80], [90, 90]),
            "staff_icu": ([100, 90, 90], [90, 100, 90], [90]),
            "patients": ([90, 100, 90, 90, 80], [90, 100, 90, 100], [100, 90]),
        }
        vals_list = []
        for key, per_quarter in scores.items():
            survey = surveys[key]
            choices = survey.question_ids.suggested_answer_ids
            for quarter, values in zip(quarters, per_quarter, strict=True):
                for index, score in enumerate(values):
                    day = min(quarter + relativedelta(days=7 + 9 * index), today)
                    vals_list.append(
                        {
                            "survey_id": survey.id,
                            "state": "done",
                            "end_datetime": datetime.combine(day, time(10)),
                            "predefined_question_ids": [
                                (6, 0, survey.question_ids.ids)
                            ],
                            "user_input_line_ids": [
                                (
                                    0,
                                    0,
                                    {
                                        "question_id": survey.question_ids.id,
                                        "answer_type": "suggestion",
                                        "suggested_answer_id": choices.filtered(
                                            lambda c, s=score: c.answer_score == s
                                        ).id,
                                    },
                                )
                            ],
                        }
                    )
        self.env["survey.user_input"].create(vals_list)
        return quarters
