from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

METHODS = [
    ("tender", "Public Tender"),
    ("negotiation", "Competitive Negotiation"),
    ("inquiry", "Price Inquiry"),
]
STATES = [
    ("draft", "Draft"),
    ("open", "Receiving Bids"),
    ("opened", "Bids Opened"),
    ("awarded", "Awarded"),
    ("failed", "Failed"),
    ("cancel", "Cancelled"),
]


class HospitalPurchaseTender(models.Model):
    """A call for tenders (招标) or a negotiation (竞争性谈判): bids are
    alternative RFQs (purchase_requisition), opened at the opening date,
    scored per criterion by the evaluation committee and awarded only with
    the minimum number of valid bids of the method."""

    _name = "hospital.purchase.tender"
    _description = "Tender or Negotiation"
    _hospital_sequence_code = "hospital.purchase.tender"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "opened_date",
        "opened_by_id",
        "awarded_order_id",
        "awarded_date",
        "awarded_by_id",
        "failure_reason",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "open": ("note", "member_ids", "criterion_ids"),
        "opened": ("note", "opening_minutes", "winner_id", "score_ids", "member_ids"),
    }
    _hospital_free_fields = ("active", "note")

    name = fields.Char(
        string="Number", readonly=True, copy=False, default=lambda self: "/"
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", check_company=True, tracking=True)
    consolidation_id = fields.Many2one(
        "hospital.purchase.consolidation", check_company=True, readonly=True
    )
    plan_department_ids = fields.Many2many(
        "hr.department",
        string="For Departments",
        compute="_compute_plan_department_ids",
        help="The departments whose approved plans of the item the tender buys: "
        "the award is split between them and charged to their budgets.",
    )
    works_id = fields.Many2one("hospital.purchase.works", check_company=True)
    product_id = fields.Many2one("product.product", string="Item")
    quantity = fields.Float(digits="Product Unit")
    estimated_amount = fields.Monetary(
        required=True, tracking=True, currency_field="currency_id"
    )
    method = fields.Selection(METHODS, required=True, default="tender", tracking=True)
    min_bids = fields.Integer(
        string="Valid Bids Required",
        compute="_compute_min_bids",
        help="From the settings: tenders need the minimum number of bidders, "
        "negotiations the minimum number of parties.",
    )
    opening_date = fields.Datetime(
        string="Bid Opening", tracking=True, help="No bid is received after it."
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    active = fields.Boolean(default=True)
    bid_ids = fields.One2many("purchase.order", "hospital_tender_id", string="Bids")
    valid_bid_count = fields.Integer(compute="_compute_valid_bid_count")
    purchase_group_id = fields.Many2one(
        "purchase.order.group", readonly=True, copy=False
    )
    member_ids = fields.One2many(
        "hospital.purchase.tender.member", "tender_id", string="Evaluation Committee"
    )
    criterion_ids = fields.One2many(
        "hospital.purchase.tender.criterion", "tender_id", string="Criteria"
    )
    score_ids = fields.One2many("hospital.purchase.tender.score", "tender_id")
    opened_date = fields.Datetime(readonly=True, copy=False)
    opened_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    opening_minutes = fields.Html(
        help="Bid-opening record: who attended, bids read out, remarks."
    )
    winner_id = fields.Many2one(
        "purchase.order",
        string="Proposed Winner",
        domain="[('hospital_tender_id', '=', id), ('hospital_bid_valid', '=', True)]",
        help="Empty: the best-ranked valid bid is awarded.",
    )
    awarded_order_id = fields.Many2one("purchase.order", readonly=True, copy=False)
    awarded_date = fields.Datetime(readonly=True, copy=False)
    awarded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    failure_reason = fields.Text(readonly=True, copy=False)
    note = fields.Html()

    @api.depends("department_id", "consolidation_id", "product_id")
    def _compute_plan_department_ids(self):
        for tender in self:
            plan_lines = tender.consolidation_id._hospital_plan_lines()
            tender.plan_department_ids = (
                tender.department_id
                | plan_lines.filtered(
                    lambda rl, t=tender: rl.product_id == t.product_id
                ).hospital_department_id
            )

    @api.depends("method", "company_id")
    def _compute_min_bids(self):
        for tender in self:
            tender.min_bids = tender.company_id._hospital_min_bids(tender.method)

    @api.depends(
        "bid_ids.hospital_bid_valid", "bid_ids.partner_id", "bid_ids.state", "state"
    )
    def _compute_valid_bid_count(self):
        for tender in self:
            tender.valid_bid_count = len(tender._hospital_valid_bids().partner_id)

    def _hospital_valid_bids(self):
        """Valid bids not withdrawn; once the tender is decided, the bids its
        award or failure cancelled still count as they did."""
        decided = self.state in ("awarded", "failed")
        return self.bid_ids.filtered(
            lambda po: po.hospital_bid_valid and (decided or po.state != "cancel")
        )

    @api.constrains("method", "estimated_amount", "company_id")
    def _check_method(self):
        for tender in self:
            if tender.estimated_amount < 0:
                raise ValidationError(
                    self.env._("An estimated amount cannot be negative.")
                )
            if (
                tender.method == "inquiry"
                and tender.estimated_amount >= tender.company_id.hospital_tender_amount
            ):
                raise ValidationError(
                    self.env._(
                        "%(tender)s: from %(amount)s a purchase is bought through a "
                        "tender or a negotiation, not a price inquiry.",
                        tender=tender.display_name,
                        amount=tender.company_id.hospital_tender_amount,
                    )
                )

    @hospital_transition
    def action_publish(self):
        self._hospital_check_state("draft")
        for tender in self:
            if not tender.opening_date:
                raise UserError(self.env._("Set the bid opening date first."))
            tender.purchase_group_id = self.env["purchase.order.group"].create({})
        self.write({"state": "open"})
        return True

    @hospital_transition
    def action_open_bids(self):
        """The bid opening: from the opening date, the bids received are read
        out and recorded; no bid comes in afterwards."""
        self._hospital_check_state("open")
        now = fields.Datetime.now()
        for tender in self:
            if tender.opening_date > now:
                raise UserError(
                    self.env._(
                        "%(tender)s: bids are opened at %(date)s, not before.",
                        tender=tender.display_name,
                        date=fields.Datetime.to_string(tender.opening_date),
                    )
                )
        self.write(
            {"state": "opened", "opened_date": now, "opened_by_id": self.env.uid}
        )
        # From now each bid is what the departments would buy: its lines of
        # consolidated items are divided between the plans they serve, so
        # the proposed winner's budget check (and over-budget request) can
        # be made before the award.
        self.bid_ids._hospital_distribute_to_plans()
        return True

    def _hospital_check_min_bids(self):
        for tender in self:
            if tender.valid_bid_count < tender.min_bids:
                raise UserError(
                    self.env._(
                        "%(tender)s has %(count)s valid bid(s); a %(method)s is "
                        "awarded only with at least %(min)s. Declare it failed and "
                        "call again.",
                        tender=tender.display_name,
                        count=tender.valid_bid_count,
                        method=dict(METHODS)[tender.method].lower(),
                        min=tender.min_bids,
                    )
                )

    @hospital_transition
    def action_award(self):
        """Award the proposed (or best-ranked) valid bid: it is confirmed as
        the purchase order, the other bids are cancelled."""
        self._hospital_check_state("opened")
        if not self.env.user.has_group(MANAGER):
            raise UserError(self.env._("Only the logistics manager awards a tender."))
        self._hospital_check_min_bids()
        for tender in self:
            if tender.member_ids.filtered(lambda m: m.declaration == "pending"):
                raise UserError(
                    self.env._(
                        "%(tender)s: every committee member declares a conflict of "
                        "interest or its absence before the award.",
                        tender=tender.display_name,
                    )
                )
            winner = tender.winner_id or tender._hospital_ranked_bids()[:1]
            if not winner or winner not in tender._hospital_valid_bids():
                raise UserError(self.env._("Choose the valid bid to award."))
            tender.write(
                {
                    "state": "awarded",
                    "awarded_order_id": winner.id,
                    "awarded_date": fields.Datetime.now(),
                    "awarded_by_id": self.env.uid,
                }
            )
            winner._hospital_distribute_to_plans()
            winner.with_context(skip_alternative_check=True).button_confirm()
            (tender.bid_ids - winner).filtered(
                lambda po: po.state in ("draft", "sent")
            ).button_cancel()
            # The plans the award buys are being purchased (as OCA's wizard
            # marks the plans it makes quotations of).
            winner.order_line.purchase_request_lines.request_id.filtered(
                lambda r: r.state == "approved"
            ).button_in_progress()
        return True

    @hospital_transition
    def action_fail(self):
        """Too few valid bids (流标): the tender fails and its bids are
        cancelled; a new call starts from a copy."""
        self._hospital_check_state("open", "opened")
        for tender in self:
            tender.write(
                {
                    "state": "failed",
                    "failure_reason": self.env._(
                        "%(count)s valid bid(s) received, %(min)s required.",
                        count=tender.valid_bid_count,
                        min=tender.min_bids,
                    ),
                }
            )
            tender.bid_ids.filtered(
                lambda po: po.state in ("draft", "sent")
            ).button_cancel()
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "open")
        self.write({"state": "cancel"})
        return True

    def _hospital_comparison(self):
        """The comparison sheet (比价表/评标汇总表) of the tender: every bid,
        its price in the company currency, each member's score per
        criterion, the criterion means, the weighted total and the rank of
        the valid bids (highest score first, then lowest price); invalid bids
        come last, unranked. Two queries (scores, currency rates)."""
        self.ensure_one()
        criteria = self.criterion_ids
        members = self.member_ids.filtered(lambda m: m.declaration == "none")
        detail = {}
        for order, member, criterion, score in self.env[
            "hospital.purchase.tender.score"
        ]._read_group(
            [("tender_id", "=", self.id)],
            ["order_id", "member_id", "criterion_id"],
            ["score:sum"],
        ):
            detail[order.id, member.id, criterion.id] = score
        weights = {c.id: c.weight for c in criteria}
        total_weight = sum(weights.values()) or 1.0
        rows = []
        for bid in self.bid_ids:
            means = {}
            for criterion in criteria:
                given = [
                    detail[key]
                    for key in detail
                    if key[0] == bid.id and key[2] == criterion.id
                ]
                means[criterion.id] = sum(given) / len(given) if given else 0.0
            rows.append(
                {
                    "bid": bid,
                    "vendor": bid.partner_id.display_name,
                    "amount": bid._hospital_amount_company(bid.amount_total),
                    "valid": bid.hospital_bid_valid,
                    "reason": bid.hospital_bid_invalid_reason or "",
                    "scores": {
                        (member.id, criterion.id): detail.get(
                            (bid.id, member.id, criterion.id)
                        )
                        for member in members
                        for criterion in criteria
                    },
                    "means": means,
                    "total": sum(
                        means[c.id] * weights[c.id] / total_weight for c in criteria
                    ),
                    "rank": 0,
                }
            )
        valid = sorted(
            (row for row in rows if row["valid"]),
            key=lambda row: (-row["total"], row["amount"]),
        )
        for rank, row in enumerate(valid, start=1):
            row["rank"] = rank
        invalid = [row for row in rows if not row["valid"]]
        recommended = (
            self.awarded_order_id or self.winner_id or (valid and valid[0]["bid"])
        )
        return {
            "criteria": criteria,
            "members": members,
            "withdrawn": self.member_ids - members,
            "rows": valid + invalid,
            "recommended": recommended or self.env["purchase.order"],
            "enough": len(valid) >= self.min_bids,
        }

    def _hospital_ranked_bids(self):
        """Valid bids, best first, as the comparison sheet ranks them."""
        self.ensure_one()
        valid = self._hospital_valid_bids()
        return self.env["purchase.order"].concat(
            *(
                row["bid"]
                for row in self._hospital_comparison()["rows"]
                if row["rank"] and row["bid"] in valid
            )
        )

    def action_new_bid(self):
        self.ensure_one()
        self._hospital_check_state("open")
        return {
            "type": "ir.actions.act_window",
            "res_model": "purchase.order",
            "view_mode": "form",
            "context": {
                "default_hospital_tender_id": self.id,
                "default_hospital_department_id": self.department_id.id,
                "default_hospital_works_id": self.works_id.id,
            },
        }

    def action_view_bids(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_rfq")
        action["domain"] = [("hospital_tender_id", "=", self.id)]
        action["context"] = {"default_hospital_tender_id": self.id}
        return action
