from datetime import date, datetime

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase


class HospitalKpiCase(HospitalLogisticsCase):
    """Satisfaction surveys with known answers in Q1 2026 (the KPI source
    this addon owns), so that a period's figures can be computed by hand:

    - staff, Cardiology Ward: 80 % and 100 % → 180 / 2 = 90 %;
    - staff, ICU: 70 % → 70 %;
    - staff, hospital-wide survey: 60 % → (no department);
    - hospital: (180 + 70 + 60) / 4 = 77.5 %, target 90 % → missed;
    - patients: no answer → no data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Period = cls.env["hospital.kpi.period"]
        cls.Definition = cls.env["hospital.kpi.definition"]
        cls.Definition._hospital_sync_sources()
        cls.staff_kpi = cls.Definition.search(
            [("code", "=", "staff_satisfaction"), ("company_id", "=", cls.company.id)]
        )
        cls.patient_kpi = cls.Definition.search(
            [("code", "=", "patient_satisfaction"), ("company_id", "=", cls.company.id)]
        )
        Survey = cls.env["survey.survey"]
        # One question scored 0–100 in tens: the answer chosen is the
        # respondent's satisfaction (%).
        cls.surveys = {
            key: Survey.create(
                {
                    "title": f"Logistics services {key}",
                    "scoring_type": "scoring_without_answers",
                    "question_and_page_ids": [
                        (
                            0,
                            0,
                            {
                                "title": "How satisfied are you with logistics?",
                                "question_type": "simple_choice",
                                "suggested_answer_ids": [
                                    (
                                        0,
                                        0,
                                        {"value": f"{score} %", "answer_score": score},
                                    )
                                    for score in range(0, 101, 10)
                                ],
                            },
                        )
                    ],
                }
            )
            for key in ("ward", "icu", "hospital", "patients")
        }
        Link = cls.env["hospital.kpi.survey"]
        Link.create(
            [
                {"survey_id": cls.surveys["ward"].id, "department_id": cls.ward.id},
                {"survey_id": cls.surveys["icu"].id, "department_id": cls.icu.id},
                {"survey_id": cls.surveys["hospital"].id},
                {"survey_id": cls.surveys["patients"].id, "audience": "patients"},
            ]
        )
        for key, score, day in (
            ("ward", 80.0, datetime(2026, 1, 15, 10)),
            ("ward", 100.0, datetime(2026, 3, 31, 23)),
            ("icu", 70.0, datetime(2026, 2, 1, 9)),
            ("hospital", 60.0, datetime(2026, 2, 10, 9)),
            ("ward", 10.0, datetime(2026, 4, 1, 0)),  # next quarter
            ("patients", 50.0, datetime(2025, 12, 31, 9)),  # previous quarter
        ):
            cls.answer(key, score, day)
        cls.q1 = cls.Period.create({"kind": "quarter", "date_from": date(2026, 1, 1)})

    @classmethod
    def answer(cls, key, score, day):
        """A completed answer of ``score`` % to survey ``key`` on ``day``."""
        question = cls.surveys[key].question_ids
        choice = question.suggested_answer_ids.filtered(
            lambda answer: answer.answer_score == score
        )
        return cls.env["survey.user_input"].create(
            {
                "survey_id": cls.surveys[key].id,
                "state": "done",
                "end_datetime": day,
                "predefined_question_ids": [(6, 0, question.ids)],
                "user_input_line_ids": [
                    (
                        0,
                        0,
                        {
                            "question_id": question.id,
                            "answer_type": "suggestion",
                            "suggested_answer_id": choice.id,
                        },
                    )
                ],
            }
        )

    def snapshot(self, period, definition, department=None):
        return period.snapshot_ids.filtered(
            lambda s: (
                s.definition_id == definition
                and s.department_id == (department or self.env["hr.department"])
            )
        )
