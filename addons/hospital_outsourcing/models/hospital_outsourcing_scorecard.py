from datetime import date, datetime, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

from .hospital_outsourcing_survey import QUARTERS

# A one-pixel PNG standing for the manager's drawn signature in demo data.
DEMO_SIGNATURE = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8"
    b"AAAAASUVORK5CYII="
)
RENEWALS = [
    ("renew", "Renew"),
    ("conditional", "Renew with Conditions"),
    ("replace", "Replace (call a backup vendor)"),
]


class HospitalOutsourcingScorecard(models.Model):
    """The quarterly evaluation of one vendor's agreement (季度考核): computed
    from the tickets the service desk handed to it, the inspections and the
    surveys; reviewed and signed by the logistics manager, then locked."""

    _name = "hospital.outsourcing.scorecard"
    _description = "Outsourced Service Quarterly Scorecard"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.signature.mixin"]
    _order = "year desc, quarter desc, vendor_id"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "computed_at",
        "ticket_count",
        "sla_compliance",
        "interruption_count",
        "interruption_rate",
        "complaint_count",
        "complaint_rate",
        "inspection_count",
        "inspection_deduction",
        "satisfaction",
        "survey_answer_count",
        "score",
        "payment_deduction",
        "warning",
        "renewal",
        "line_ids",
    )
    _hospital_editable_states = {"draft": ("manager_signature", "review_note")}
    _hospital_free_fields = ("active",)
    _hospital_signers = {"manager_signature": "_hospital_manager_signers"}

    agreement_id = fields.Many2one(
        "hospital.outsourcing.agreement",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    vendor_id = fields.Many2one(
        related="agreement_id.vendor_id", store=True, index=True
    )
    service_type = fields.Selection(related="agreement_id.service_type", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    active = fields.Boolean(default=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    quarter = fields.Selection(QUARTERS, required=True)
    date_from = fields.Date(compute="_compute_period", store=True)
    date_to = fields.Date(
        compute="_compute_period", store=True, help="End of the period, excluded."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("locked", "Locked")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    computed_at = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "hospital.outsourcing.scorecard.line", "scorecard_id", string="Criteria"
    )
    ticket_count = fields.Integer(string="Tickets", readonly=True)
    sla_compliance = fields.Float(string="SLA Compliance (%)", readonly=True)
    interruption_count = fields.Integer(string="Interruptions", readonly=True)
    interruption_rate = fields.Float(string="Interruption Rate (%)", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    complaint_rate = fields.Float(string="Complaint Rate (%)", readonly=True)
    inspection_count = fields.Integer(string="Inspections", readonly=True)
    inspection_deduction = fields.Float(string="Points Deducted", readonly=True)
    satisfaction = fields.Float(string="Satisfaction (%)", readonly=True)
    survey_answer_count = fields.Integer(string="Survey Answers", readonly=True)
    score = fields.Float(
        string="KPI Compliance (%)",
        readonly=True,
        aggregator="avg",
        help="Points earned out of 100 by the criteria of the KPI template.",
    )
    kpi_target = fields.Float(compute="_compute_targets", string="KPI Target (%)")
    interruption_max = fields.Float(
        compute="_compute_targets", string="Interruption Limit (%)"
    )
    satisfaction_target = fields.Float(
        compute="_compute_targets", string="Satisfaction Target (%)"
    )
    below_target = fields.Boolean(compute="_compute_targets")
    payment_deduction = fields.Monetary(readonly=True)
    warning = fields.Boolean(readonly=True)
    renewal = fields.Selection(RENEWALS, string="Renewal Recommendation", readonly=True)
    backup_vendor_ids = fields.Many2many(related="agreement_id.backup_vendor_ids")
    review_note = fields.Text(string="Manager's Review")
    manager_signature = fields.Binary(string="Manager's Signature", copy=False)
    manager_signature_user_id = fields.Many2one(
        "res.users", string="Signed by", readonly=True, copy=False
    )
    manager_signature_date = fields.Datetime(
        string="Signed on", readonly=True, copy=False
    )

    _scorecard_unique = models.Constraint(
        "UNIQUE(agreement_id, year, quarter)",
        "An agreement has one scorecard per quarter.",
    )

    @api.constrains("year")
    def _check_year(self):
        for card in self:
            if not 2000 <= card.year <= 2100:
                raise ValidationError(
                    self.env._("%(year)s is no year of service.", year=card.year)
                )

    @api.depends("year", "quarter", "company_id.hospital_vendor_evaluation_months")
    def _compute_period(self):
        for card in self:
            if not (card.quarter and 2000 <= card.year <= 2100):
                card.date_from = card.date_to = False
                continue
            card.date_from = date(card.year, 3 * int(card.quarter) - 2, 1)
            card.date_to = card.company_id._hospital_vendor_period_end(card.date_from)

    @api.depends("company_id", "score")
    def _compute_targets(self):
        for card in self:
            targets = card.company_id._hospital_vendor_targets()
            card.kpi_target = targets["kpi_target"]
            card.interruption_max = targets["interruption_max"]
            card.satisfaction_target = targets["satisfaction_target"]
            card.below_target = bool(card.computed_at) and card.score < card.kpi_target

    @api.depends("agreement_id", "year", "quarter")
    def _compute_display_name(self):
        for card in self:
            card.display_name = self.env._(
                "%(vendor)s %(year)s Q%(quarter)s",
                vendor=card.vendor_id.name or "",
                year=card.year,
                quarter=card.quarter or "",
            )

    def _hospital_manager_signers(self):
        return self.env.ref(MANAGER).all_user_ids.filtered(lambda user: not user.share)

    def _hospital_check_signable(self, field):
        if not self.computed_at:
            raise UserError(
                self.env._(
                    "Compute %(card)s before signing it.", card=self.display_name
                )
            )

    def _hospital_check_manager(self):
        if not (self.env.su or self.env.user.has_group(MANAGER)):
            raise UserError(self.env._("Only the logistics manager evaluates vendors."))

    # ------------------------------------------------------------ scoring
    @hospital_transition
    def action_compute(self):
        """Score these scorecards from the quarter's data, in a fixed number
        of queries whatever their number and the data's."""
        self._hospital_check_manager()
        for card in self:
            if card.state != "draft" or card.manager_signature_user_id:
                raise UserError(
                    self.env._(
                        "%(card)s is signed or locked: its quarter is no longer "
                        "scored. The signer withdraws the signature first.",
                        card=card.display_name,
                    )
                )
        if not self:
            return True
        measures = self._hospital_measures()
        lines = []
        self.line_ids.unlink()
        for card in self:
            card.write(card._hospital_apply_measures(measures, lines))
        self.env["hospital.outsourcing.scorecard.line"].create(lines)
        return True

    def _hospital_measures(self):
        """The quarter's figures per agreement, by ``_read_group``: tickets
        (SLA breaches, interruptions, complaints), inspection deductions per
        criterion, survey scores."""
        agreements = self.agreement_id
        date_from = min(self.mapped("date_from"))
        date_to = max(self.mapped("date_to"))
        periods = {(c.agreement_id.id, c.id): (c.date_from, c.date_to) for c in self}

        def in_period(agreement_id, day):
            return [
                card_id
                for (agr, card_id), (start, end) in periods.items()
                if agr == agreement_id and start <= day < end
            ]

        # Scorecards of one period (the usual quarter) need no grouping by
        # date: the domain already keeps the period.
        by_day = len(set(periods.values())) > 1
        tickets = {}
        for agreement, *keys, count in (
            self.env["maintenance.request"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("hospital_outsourcing_agreement_id", "in", agreements.ids),
                    ("reported_at", ">=", fields.Datetime.to_datetime(date_from)),
                    ("reported_at", "<", fields.Datetime.to_datetime(date_to)),
                    ("service_state", "!=", "cancel"),
                ],
                [
                    "hospital_outsourcing_agreement_id",
                    "is_breached",
                    "hospital_vendor_interruption",
                    "hospital_vendor_complaint",
                    *(["reported_at:month"] if by_day else []),
                ],
                ["__count"],
            )
        ):
            breached, interrupted, complaint = keys[:3]
            day = keys[3].date() if by_day else date_from
            for card_id in in_period(agreement.id, day):
                figures = tickets.setdefault(card_id, [0, 0, 0, 0])
                figures[0] += count
                figures[1] += count if breached else 0
                figures[2] += count if interrupted else 0
                figures[3] += count if complaint else 0
        deductions = {}
        for agreement, day, criterion, points in (
            self.env["hospital.outsourcing.inspection.line"]
            .sudo()
            ._read_group(
                [
                    ("agreement_id", "in", agreements.ids),
                    ("inspection_id.state", "!=", "draft"),
                    ("date", ">=", date_from),
                    ("date", "<", date_to),
                    ("criterion_id", "!=", False),
                ],
                ["agreement_id", "date:day", "criterion_id"],
                ["points_deducted:sum"],
            )
        ):
            for card_id in in_period(agreement.id, day):
                key = (card_id, criterion.id)
                deductions[key] = deductions.get(key, 0.0) + points
        inspections = {}
        for agreement, day, count in (
            self.env["hospital.outsourcing.inspection"]
            .sudo()
            ._read_group(
                [
                    ("agreement_id", "in", agreements.ids),
                    ("state", "!=", "draft"),
                    ("date", ">=", date_from),
                    ("date", "<", date_to),
                ],
                ["agreement_id", "date:day"],
                ["__count"],
            )
        ):
            for card_id in in_period(agreement.id, day):
                inspections[card_id] = inspections.get(card_id, 0) + count
        links = (
            self.env["hospital.outsourcing.survey"]
            .sudo()
            .search_fetch(
                [("agreement_id", "in", agreements.ids)],
                ["agreement_id", "survey_id", "year", "quarter"],
            )
        )
        cards_of_survey = {}
        for link in links:
            for card in self:
                if (
                    card.agreement_id == link.agreement_id
                    and card.year == link.year
                    and card.quarter == link.quarter
                ):
                    cards_of_survey.setdefault(link.survey_id.id, []).append(card.id)
        surveys = {}
        for survey, count, total in (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("survey_id", "in", list(cards_of_survey)),
                    ("state", "=", "done"),
                ],
                ["survey_id"],
                ["__count", "scoring_percentage:sum"],
            )
        ):
            for card_id in cards_of_survey[survey.id]:
                figures = surveys.setdefault(card_id, [0, 0.0])
                figures[0] += count
                figures[1] += total
        return {
            "tickets": tickets,
            "deductions": deductions,
            "inspections": inspections,
            "surveys": surveys,
        }

    def _hospital_apply_measures(self, measures, lines):
        """Values of this scorecard from ``measures``; appends its lines."""
        self.ensure_one()
        total, breached, interrupted, complaints = measures["tickets"].get(
            self.id, [0, 0, 0, 0]
        )
        answers, answer_total = measures["surveys"].get(self.id, [0, 0.0])
        inspected = measures["inspections"].get(self.id, 0)
        sla = 100.0 * (total - breached) / total if total else 0.0
        interruption = 100.0 * interrupted / total if total else 0.0
        complaint = 100.0 * complaints / total if total else 0.0
        satisfaction = answer_total / answers if answers else 0.0
        deducted_total = 0.0
        score = 0.0
        for criterion in self.agreement_id.kpi_template_id.criterion_ids:
            if criterion.source == "inspection":
                actual = measures["deductions"].get((self.id, criterion.id), 0.0)
                has_data = True
                deducted_total += actual
            elif criterion.source == "survey":
                actual, has_data = satisfaction, bool(answers)
            else:
                actual = {"sla": sla, "interruption": interruption}.get(
                    criterion.source, complaint
                )
                has_data = bool(total)
            points = criterion._hospital_score(actual, has_data)
            score += points
            lines.append(
                {
                    "scorecard_id": self.id,
                    "criterion_id": criterion.id,
                    "name": criterion.name,
                    "source": criterion.source,
                    "weight": criterion.weight,
                    "target": criterion.target,
                    "actual": actual,
                    "has_data": has_data,
                    "points": points,
                }
            )
        targets = self.company_id._hospital_vendor_targets()
        missed = [
            score < targets["kpi_target"],
            bool(total) and interruption >= targets["interruption_max"],
            bool(answers) and satisfaction < targets["satisfaction_target"],
        ]
        shortfall = max(targets["kpi_target"] - score, 0.0)
        if not any(missed):
            renewal = "renew"
        elif sum(missed) == 1 and shortfall < 10:
            renewal = "conditional"
        else:
            renewal = "replace"
        return {
            "computed_at": fields.Datetime.now(),
            "ticket_count": total,
            "sla_compliance": sla,
            "interruption_count": interrupted,
            "interruption_rate": interruption,
            "complaint_count": complaints,
            "complaint_rate": complaint,
            "inspection_count": inspected,
            "inspection_deduction": deducted_total,
            "satisfaction": satisfaction,
            "survey_answer_count": answers,
            "score": round(score, 2),
            "payment_deduction": round(shortfall, 2)
            * self.agreement_id.deduction_per_point,
            "warning": any(missed),
            "renewal": renewal,
        }

    # ------------------------------------------------------------ review
    @hospital_transition
    def action_sign(self):
        """The manager has drawn the signature: the scorecard is signed and
        shown to the vendor."""
        self._hospital_check_manager()
        for card in self:
            if card.state != "draft" or not card.manager_signature_user_id:
                raise UserError(
                    self.env._(
                        "Draw your signature on %(card)s first.",
                        card=card.display_name,
                    )
                )
        self.write({"state": "signed"})
        return True

    @hospital_transition
    def action_lock(self):
        """Lock the quarter: nothing of the scorecard changes any more."""
        self._hospital_check_manager()
        for card in self:
            if card.state != "signed":
                raise UserError(
                    self.env._(
                        "Only a signed scorecard is locked (%(card)s).",
                        card=card.display_name,
                    )
                )
        self.write({"state": "locked"})
        return True

    @api.model
    def _hospital_portal_fixture(self, partner):
        """A signed scorecard of vendor ``partner``, for the suite's portal
        isolation test."""
        agreement = self.env["hospital.outsourcing.agreement"]._hospital_portal_fixture(
            partner
        )
        card = self.create(
            {
                "agreement_id": agreement.id,
                "year": agreement.date_start.year,
                "quarter": "1",
            }
        )
        card.action_compute()
        card.write({"manager_signature": b"c2lnbmF0dXJl"})
        card.action_sign()
        return card

    @api.model
    def _hospital_demo_quarter(self, agreement_ids, manager_id):
        """Demo data: the last two full quarters of the demo vendors, as the
        logistics manager saw them: tickets on the service desk's clock,
        inspections, surveys, then the scorecards computed and signed; the
        older quarter and the first vendor's last one are locked.  The second
        vendor (elevators) falls below target in the last quarter, so its
        score history goes down."""
        agreements = self.env["hospital.outsourcing.agreement"].browse(agreement_ids)
        done = self.search([("agreement_id", "in", agreements.ids)])
        if done:  # the demo is reloaded on every update of the addon
            return done
        agreements.action_activate()
        today = fields.Date.context_today(self)
        last = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1) - timedelta(days=1)
        before = date(last.year, 3 * ((last.month - 1) // 3) + 1, 1) - timedelta(days=1)
        manager = self.env["res.users"].browse(manager_id)
        # Per vendor: survey score, SLA breaches, interruptions, points deducted.
        older = self._hospital_demo_period(
            agreements,
            before,
            manager,
            {"survey": [93, 90, 91, 92], "breaches": [1, 0, 1, 1]},
            {"interruptions": [0, 0, 0, 0], "deductions": [3, 2, 2, 4]},
        )
        older._hospital_demo_sign(manager)
        older.action_lock()
        cards = self._hospital_demo_period(
            agreements,
            last,
            manager,
            {"survey": [95, 78, 93, 91], "breaches": [0, 3, 0, 1]},
            {"interruptions": [0, 2, 0, 0], "deductions": [2, 9, 1, 3]},
        )
        cards[:3]._hospital_demo_sign(manager)
        cards[:1].action_lock()
        # Today's tickets, waiting for the vendors to accept them on the portal.
        location, categories = self._hospital_demo_places()
        self.env["maintenance.request"].with_context(tracking_disable=True).create(
            [
                {
                    "name": f"{agreement.title} · 待接单",
                    "service_category_id": categories[agreement.service_type].id,
                    "location_id": location.id,
                    "hospital_outsourcing_agreement_id": agreement.id,
                }
                for agreement in agreements
            ]
        )
        return older | cards

    def _hospital_demo_sign(self, manager):
        for card in self:
            card.write(
                {
                    "manager_signature": DEMO_SIGNATURE,
                    "manager_signature_user_id": manager.id,
                    "review_note": "已复核。",
                }
            )
            card.action_sign()

    @api.model
    def _hospital_demo_places(self):
        location = self.env.ref(
            "hospital_maintenance.loc_cardio_station", raise_if_not_found=False
        ) or self.env["hospital.location"].search([], limit=1)
        categories = {
            service: self.env.ref("hospital_maintenance." + xmlid)
            for service, xmlid in (
                ("cleaning", "category_cleaning"),
                ("equipment", "category_elevator"),
                ("security", "category_hardware"),
                ("catering", "category_delivery"),
            )
        }
        return location, categories

    @api.model
    def _hospital_demo_period(self, agreements, last_day, manager, scores, faults):
        """Demo tickets, inspections and surveys of the quarter ending on
        ``last_day`` for ``agreements``, and their computed scorecards."""
        quarter = (last_day.month - 1) // 3 + 1
        year = last_day.year
        start = date(year, 3 * quarter - 2, 1)
        Request = self.env["maintenance.request"].with_context(tracking_disable=True)
        location, categories = self._hospital_demo_places()
        for index, agreement in enumerate(agreements):
            tickets = Request.create(
                [
                    {
                        "name": f"{agreement.title} · {year} Q{quarter} 工单 {n + 1}",
                        "service_category_id": categories[agreement.service_type].id,
                        "location_id": location.id,
                        "hospital_outsourcing_agreement_id": agreement.id,
                        "hospital_vendor_interruption": n
                        < faults["interruptions"][index],
                    }
                    for n in range(12)
                ]
            )
            # The vendor's first certified worker on site did the work.
            worker = agreement.staff_ids.filtered(
                lambda w: w.certificate_state in ("valid", "expiring")
            )[:1]
            for n, ticket in enumerate(tickets):
                reported = datetime.combine(start, datetime.min.time()).replace(
                    hour=9
                ) + timedelta(days=7 * n)
                ticket.write(
                    {
                        "hospital_vendor_staff_id": worker.id,
                        "reported_at": reported,
                        "service_state": "closed",
                        "responded_at": reported + timedelta(hours=1),
                        "resolved_at": reported + timedelta(hours=3),
                        "closed_at": reported + timedelta(days=1),
                        "close_kind": "confirmed",
                        "rating": "2" if n == 11 and index == 3 else "5",
                        "is_breached": n < scores["breaches"][index],
                    }
                )
            self._hospital_demo_inspection(
                agreement, start, manager, location, faults["deductions"][index]
            )
            self._hospital_demo_survey(
                agreement, year, quarter, scores["survey"][index]
            )
        cards = self.create(
            [
                {"agreement_id": agreement.id, "year": year, "quarter": str(quarter)}
                for agreement in agreements
            ]
        )
        cards.action_compute()
        return cards

    @api.model
    def _hospital_demo_inspection(self, agreement, start, manager, location, points):
        criterion = agreement.kpi_template_id.criterion_ids.filtered(
            lambda c: c.source == "inspection"
        )[:1]
        items = self.env["hospital.outsourcing.checklist.item"].search(
            [("service_type", "=", agreement.service_type)]
        )
        inspection = self.env["hospital.outsourcing.inspection"].create(
            {
                "agreement_id": agreement.id,
                "date": start + timedelta(days=40),
                "inspector_id": manager.id,
                "location_id": location.id,
                "line_ids": [
                    fields.Command.create(
                        {
                            "name": item.name,
                            "item_id": item.id,
                            "criterion_id": criterion.id,
                            "passed": n != 0,
                            "points_deducted": points if n == 0 else 0,
                            "finding": "现场发现问题，已拍照留存。"
                            if n == 0
                            else False,
                            "action_required": n == 0,
                            "action_deadline": start + timedelta(days=47)
                            if n == 0
                            else False,
                        }
                    )
                    for n, item in enumerate(items)
                ],
            }
        )
        inspection.action_send()
        return inspection

    @api.model
    def _hospital_demo_survey(self, agreement, year, quarter, score):
        survey = self.env["survey.survey"].create(
            {
                "title": f"{agreement.vendor_id.name} 满意度调查 {year} Q{quarter}",
                "scoring_type": "scoring_without_answers",
            }
        )
        self.env["hospital.outsourcing.survey"].create(
            {
                "agreement_id": agreement.id,
                "survey_id": survey.id,
                "audience": "staff",
                "year": year,
                "quarter": str(quarter),
            }
        )
        answers = self.env["survey.user_input"].create(
            [{"survey_id": survey.id, "state": "done"} for _n in range(10)]
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE survey_user_input SET scoring_percentage = %s WHERE id IN %s",
            [score, tuple(answers.ids)],
        )
        answers.invalidate_recordset(["scoring_percentage"])
