from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
    in_transition,
)

from .purchase_request import month_start

PLANNED_STATES = ("approved", "in_progress", "done")
CONFIRMED_STATES = ("purchase", "done")
# Set only by their buttons.
STAMPS = {"hospital_bid_valid", "hospital_exempt_by_id", "hospital_exempt_date"}
# What the checks of confirmation read of the order: open while it is a draft.
DRAFT_FIELDS = {
    "hospital_department_id",
    "hospital_works_id",
    "hospital_exempt_reason",
    # The budget year and month, and the currency of the consumption.
    "date_order",
    "currency_id",
}


class PurchaseOrder(models.Model):
    """The hospital's rules on confirming a purchase (DOMAIN.md §4), for the
    orders that buy for a department (hospital purchases): the method the
    amount requires, the works' budget estimate, the approved plan, the
    department's budget.  Bids of a tender are its alternative RFQs."""

    _inherit = "purchase.order"

    hospital_department_id = fields.Many2one(
        "hr.department",
        string="For Department",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="The department the order buys for: its plan covers the items and "
        "its budget pays for them. Lines made from plans carry their own.",
    )
    hospital_tender_id = fields.Many2one(
        "hospital.purchase.tender",
        string="Tender",
        index="btree_not_null",
        check_company=True,
        copy=False,
    )
    hospital_bid_date = fields.Datetime(
        string="Bid Received", default=fields.Datetime.now, copy=False
    )
    hospital_bid_valid = fields.Boolean(string="Valid Bid", default=True, copy=False)
    hospital_bid_invalid_reason = fields.Char(string="Why Invalid", copy=False)
    hospital_bid_score = fields.Float(
        string="Evaluation Score", compute="_compute_hospital_bid_score"
    )
    hospital_bid_rank = fields.Integer(
        string="Rank",
        compute="_compute_hospital_bid_score",
        help="Rank of a valid bid on the comparison sheet (0: invalid).",
    )
    hospital_works_id = fields.Many2one(
        "hospital.purchase.works",
        string="Works",
        index="btree_not_null",
        check_company=True,
    )
    hospital_overrun_ids = fields.One2many("hospital.purchase.overrun", "order_id")
    hospital_department_ids = fields.Many2many(
        "hr.department",
        string="For Departments",
        compute="_compute_hospital_department_ids",
        help="The departments whose plans and budgets the lines buy for; the "
        "award of a tender on the month's consolidated plans splits each line "
        "between the departments that planned it.",
    )
    hospital_exempt_reason = fields.Text(
        string="Exemption Reason",
        copy=False,
        tracking=True,
        help="Why this order has no plan, urgent request, tender or works "
        "behind it (e.g. replenishing the central warehouse).",
    )
    hospital_exempt_by_id = fields.Many2one(
        "res.users", string="Exempted By", readonly=True, copy=False, tracking=True
    )
    hospital_exempt_date = fields.Datetime(
        string="Exempted On", readonly=True, copy=False
    )
    hospital_plan_approved_date = fields.Datetime(
        string="Plan Approved On", compute="_compute_hospital_cycle", store=True
    )
    hospital_cycle_days = fields.Float(
        string="Procurement Cycle (days)",
        compute="_compute_hospital_cycle",
        store=True,
        aggregator="avg",
        help="From the approval of the plan to the receipt of the goods.",
    )
    hospital_order_days = fields.Float(
        string="Plan to Order (days)",
        compute="_compute_hospital_cycle",
        store=True,
        aggregator="avg",
        help="From the approval of the plan to the confirmation of the order.",
    )
    hospital_receipt_days = fields.Float(
        string="Order to Receipt (days)",
        compute="_compute_hospital_cycle",
        store=True,
        aggregator="avg",
        help="From the confirmation of the order to the receipt of the goods.",
    )

    @api.depends(
        "order_line.purchase_request_lines.request_id.hospital_approved_date",
        "date_approve",
        "effective_date",
    )
    def _compute_hospital_cycle(self):
        def days(start, end):
            return (end - start).total_seconds() / 86400.0 if start and end else 0.0

        for order in self:
            approved = order.order_line.purchase_request_lines.request_id.filtered(
                "hospital_approved_date"
            ).mapped("hospital_approved_date")
            plan = min(approved) if approved else False
            order.hospital_plan_approved_date = plan
            order.hospital_cycle_days = days(plan, order.effective_date)
            order.hospital_order_days = days(plan, order.date_approve)
            order.hospital_receipt_days = days(
                plan and order.date_approve, order.effective_date
            )

    @api.depends("hospital_department_id", "order_line.hospital_department_id")
    def _compute_hospital_department_ids(self):
        for order in self:
            order.hospital_department_ids = (
                order.hospital_department_id | order.order_line.hospital_department_id
            )

    def _compute_hospital_bid_score(self):
        """Score and rank as the comparison sheet gives them."""
        rows = {}
        for tender in self.hospital_tender_id:
            rows.update(
                {row["bid"].id: row for row in tender._hospital_comparison()["rows"]}
            )
        for order in self:
            row = rows.get(order.id, {})
            order.hospital_bid_score = row.get("total", 0.0)
            order.hospital_bid_rank = row.get("rank", 0)

    @api.model_create_multi
    def create(self, vals_list):
        Tender = self.env["hospital.purchase.tender"]
        for vals in vals_list:
            if not in_transition(self.env) and any(
                vals.get(f) for f in STAMPS - {"hospital_bid_valid"}
            ):
                raise UserError(
                    self.env._("An order is exempted only through its button.")
                )
            if vals.get("hospital_tender_id"):
                tender = Tender.browse(vals["hospital_tender_id"])
                if tender.state != "open":
                    raise UserError(
                        self.env._(
                            "%(tender)s receives no bids now (it is %(state)s).",
                            tender=tender.display_name,
                            state=dict(tender._fields["state"].selection)[tender.state],
                        )
                    )
                vals.setdefault("purchase_group_id", tender.purchase_group_id.id)
        return super().create(vals_list)

    @api.constrains("hospital_tender_id", "hospital_bid_date")
    def _check_hospital_bid_date(self):
        for order in self.filtered("hospital_tender_id"):
            opening = order.hospital_tender_id.opening_date
            if (
                opening
                and order.hospital_bid_date
                and order.hospital_bid_date > opening
            ):
                raise ValidationError(
                    self.env._(
                        "%(order)s: a bid received after the bid opening "
                        "(%(opening)s) is not accepted.",
                        order=order.display_name,
                        opening=fields.Datetime.to_string(opening),
                    )
                )

    def _hospital_amount_company(self, amount):
        """``amount`` of this order in the company currency (CNY), at the
        order date: what thresholds, budgets and bid prices are compared in."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if not self.currency_id or self.currency_id == company.currency_id:
            return amount
        return self.currency_id._convert(
            amount,
            company.currency_id,
            company,
            self.date_order or fields.Date.context_today(self),
        )

    def _hospital_order_amount(self):
        """What the order costs the hospital, in the company currency: what
        its lines consume of their budgets (with or without taxes as the
        company's setting says). The tender threshold and the works estimate
        are compared with it."""
        self.ensure_one()
        return sum(self.order_line.mapped("hospital_budget_amount"))

    @api.model
    def _hospital_portal_fixture(self, partner):
        """A new RFQ of vendor ``partner`` (a company), for the suite's portal
        isolation test: vendors read their own orders on the portal (core
        purchase's access rule)."""
        return self.create(
            {"partner_id": partner.id, "origin": f"RFQ of {partner.name}"}
        )

    # ------------------------------------------------------------ guards
    def write(self, vals):
        if not in_transition(self.env):
            self._hospital_check_write(vals)
        return super().write(vals)

    def _hospital_check_write(self, vals):
        """The fields the checks of confirmation read change only while the
        order is a draft, and the bid's only while its tender receives bids;
        the validity of a bid and the exemption only through their buttons."""
        fnames = set(vals)
        if fnames & STAMPS:
            raise UserError(
                self.env._(
                    "The validity of a bid and the exemption of an order change "
                    "only through their buttons."
                )
            )
        for order in self:
            if fnames & DRAFT_FIELDS and order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is confirmed: its department, works, "
                        "exemption, order date and currency no longer change.",
                        order=order.display_name,
                    )
                )
            if order.hospital_exempt_by_id and "hospital_exempt_reason" in fnames:
                raise UserError(
                    self.env._(
                        "%(order)s is exempted: the reason given no longer changes.",
                        order=order.display_name,
                    )
                )
            if "hospital_tender_id" in fnames and (
                order.hospital_tender_id.id != (vals["hospital_tender_id"] or False)
            ):
                raise UserError(
                    self.env._(
                        "%(order)s: a bid stays the bid of its tender.",
                        order=order.display_name,
                    )
                )
            tender = order.hospital_tender_id
            if not tender:
                continue
            if "hospital_bid_date" in fnames and tender.state != "open":
                raise UserError(
                    self.env._(
                        "%(order)s: the date a bid was received changes only while "
                        "%(tender)s receives bids.",
                        order=order.display_name,
                        tender=tender.display_name,
                    )
                )
            if "hospital_bid_invalid_reason" in fnames and tender.state not in (
                "open",
                "opened",
            ):
                raise UserError(
                    self.env._(
                        "%(tender)s is decided: the bids' remarks no longer change.",
                        tender=tender.display_name,
                    )
                )

    @hospital_transition
    def action_hospital_invalidate_bid(self):
        """A bid found invalid (late, unsigned, unqualified bidder...): it no
        longer counts towards the minimum and is not ranked."""
        for order in self:
            order._hospital_check_bid_open()
            if not (order.hospital_bid_invalid_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(order)s: say why the bid is invalid first.",
                        order=order.display_name,
                    )
                )
        self.write({"hospital_bid_valid": False})
        return True

    @hospital_transition
    def action_hospital_reinstate_bid(self):
        for order in self:
            order._hospital_check_bid_open()
        self.write({"hospital_bid_valid": True, "hospital_bid_invalid_reason": False})
        return True

    def _hospital_check_bid_terms_open(self):
        """A bid's lines (items, quantities, prices, taxes) are what was read
        out at the bid opening: they no longer change once the bids are
        opened, on the awarded order either."""
        for order in self.filtered("hospital_tender_id"):
            tender = order.hospital_tender_id
            if tender.state not in ("draft", "open"):
                raise UserError(
                    self.env._(
                        "%(order)s is a bid of %(tender)s, whose bids are opened: "
                        "its items, quantities and prices stay as read out at "
                        "the opening.",
                        order=order.display_name,
                        tender=tender.display_name,
                    )
                )

    def _hospital_check_bid_open(self):
        if not self.hospital_tender_id or self.hospital_tender_id.state not in (
            "open",
            "opened",
        ):
            raise UserError(
                self.env._(
                    "%(order)s: a bid is found valid or invalid only between "
                    "the call for bids and the award.",
                    order=self.display_name,
                )
            )

    @hospital_transition
    def action_hospital_exempt(self):
        """The logistics manager exempts an order that no plan, urgent
        request, tender or works covers (a stock replenishment, a one-off
        service), with the reason: it is still checked against the tender
        threshold and, when it buys for a department, against its budget."""
        if not self.env.user.has_group(MANAGER):
            raise UserError(self.env._("Only the logistics manager exempts an order."))
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is confirmed already.", order=order.display_name
                    )
                )
            if not (order.hospital_exempt_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(order)s: give the reason of the exemption first.",
                        order=order.display_name,
                    )
                )
        self.write(
            {
                "hospital_exempt_by_id": self.env.uid,
                "hospital_exempt_date": fields.Datetime.now(),
            }
        )
        return True

    # ------------------------------------------------------------ tenders
    def _hospital_distribute_to_plans(self):
        """Bids of a tender called on the month's consolidation (采购计划汇总)
        buy for the departments whose approved plans it holds: each line of
        a consolidated item is split into one line per department, in
        proportion to what each department planned, and linked to its plan
        lines (OCA purchase_request allocations), so that the award is held
        to each department's plan and charged to its budget line. The unit
        price stays the bid's. Lines already linked to plans are left as
        they are, so a second call changes nothing. Called by the tender's
        transitions (bid opening, award)."""
        orders = self.filtered(
            lambda po: (
                po.hospital_tender_id.consolidation_id and po.state in ("draft", "sent")
            )
        )
        if not orders:
            return
        plan_lines = orders.hospital_tender_id.consolidation_id._hospital_plan_lines()
        planned = defaultdict(
            lambda: defaultdict(lambda: self.env["purchase.request.line"])
        )
        for plan_line in plan_lines:
            consolidation = plan_line.request_id.hospital_consolidation_id
            planned[consolidation.id, plan_line.product_id.id][
                plan_line.hospital_department_id
            ] |= plan_line
        allocations, notes = [], defaultdict(list)
        for order in orders:
            consolidation = order.hospital_tender_id.consolidation_id
            for line in order.order_line.filtered(
                lambda ln: (
                    ln.product_id
                    and not ln.display_type
                    and not ln.purchase_request_lines
                    and ln.product_qty > 0
                )
            ):
                by_department = planned.get((consolidation.id, line.product_id.id))
                if not by_department:
                    continue
                shares = line._hospital_plan_shares(by_department)
                # Price and discount written with the quantity, so core's
                # vendor pricelist does not reprice the bid.
                terms = [
                    {
                        "product_qty": qty,
                        "price_unit": line.price_unit,
                        "discount": line.discount,
                        "purchase_request_lines": [(6, 0, plan_lines.ids)],
                    }
                    for plan_lines, qty, _factor in shares
                ]
                others = line.create(
                    [
                        line.copy_data(
                            {
                                **vals,
                                "name": line.name,
                                "date_planned": line.date_planned,
                            }
                        )[0]
                        for vals in terms[1:]
                    ]
                )
                line.write(terms[0])
                for target, (plan_lines, qty, factor) in zip(
                    line | others, shares, strict=True
                ):
                    allocations += [(target, pl, factor) for pl in plan_lines]
                    notes[order].append(
                        (
                            line.product_id,
                            plan_lines.hospital_department_id,
                            qty,
                            line.product_uom_id,
                        )
                    )
        self.env["purchase.request.allocation"].sudo().create(
            [
                {
                    "purchase_line_id": line.id,
                    "purchase_request_line_id": plan_line.id,
                    "requested_product_uom_qty": plan_line.product_qty * factor,
                    "product_uom_id": plan_line.product_uom_id.id,
                }
                for line, plan_line, factor in allocations
            ]
        )
        for order, shares in notes.items():
            order.message_post(
                body=Markup("%s<ul>%s</ul>")
                % (
                    self.env._(
                        "Divided between the departments that planned the items:"
                    ),
                    Markup().join(
                        Markup("<li>%s · %s: %s %s</li>")
                        % (
                            product.display_name,
                            department.name,
                            f"{qty:g}",
                            uom.name,
                        )
                        for product, department, qty, uom in shares
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------ confirm
    def button_confirm(self):
        self.filtered(
            lambda po: po.state in ("draft", "sent")
        )._hospital_check_purchase()
        res = super().button_confirm()
        self.filtered(
            lambda po: po.state in CONFIRMED_STATES
        ).hospital_works_id._hospital_ordered()
        return res

    def _hospital_is_purchase(self):
        return bool(
            self.hospital_department_id or self.order_line.hospital_department_id
        )

    def _hospital_check_purchase(self):
        """Every rule in a fixed number of queries for the whole batch: the
        basis of the order, the method its amount requires, the works'
        estimate, the plan and the budget of the departments it buys for."""
        if not self:
            return
        self._hospital_check_basis()
        self._hospital_check_method()
        self._hospital_check_split()
        self._hospital_check_works_estimate()
        self._hospital_check_plan()
        self._hospital_check_budget()

    def _hospital_check_basis(self):
        """A hospital order has a basis (采购依据): it buys for departments
        (then each line is checked against the department's approved plan
        and urgent requests), it is a bid of a tender, it orders works, or
        the logistics manager exempted it with a reason. Orders the system
        makes as superuser (data, scripts) are trusted."""
        if self.env.su:
            return
        for order in self:
            if (
                order.hospital_tender_id
                or order.hospital_works_id
                or order.hospital_exempt_by_id
            ):
                continue
            lines = order.order_line.filtered(
                lambda ln: ln.product_id and not ln.display_type
            )
            if not lines or lines.filtered(lambda ln: not ln.hospital_department_id):
                raise UserError(
                    self.env._(
                        "%(order)s has no basis: say which department it buys "
                        "for (its approved plan or urgent request must cover it), "
                        "or make it a bid of a tender or the order of a works; "
                        "otherwise the logistics manager exempts it with the "
                        "reason.",
                        order=order.display_name,
                    )
                )

    def _hospital_check_method(self):
        for order in self:
            tender = order.hospital_tender_id
            if tender and tender.awarded_order_id != order:
                raise UserError(
                    self.env._(
                        "%(order)s is a bid of %(tender)s: it is confirmed only by "
                        "the award of the tender.",
                        order=order.display_name,
                        tender=tender.display_name,
                    )
                )
            threshold = order.company_id.hospital_tender_amount
            amount = order._hospital_order_amount()
            if amount >= threshold and not (
                tender and tender.method in ("tender", "negotiation")
            ):
                raise UserError(
                    self.env._(
                        "%(order)s amounts to %(amount)s: from %(threshold)s a "
                        "purchase is awarded through a tender or a negotiation, "
                        "not ordered directly.",
                        order=order.display_name,
                        amount=f"{amount:,.2f}",
                        threshold=f"{threshold:,.2f}",
                    )
                )

    def _hospital_check_split(self):
        """No splitting to stay under the tender threshold (化整为零): what
        orders outside a tender buy of one item in a month, this batch
        included and all departments together, stays below the threshold.
        One query."""
        # A works is its own project: its order is held to the threshold alone.
        orders = self.filtered(
            lambda po: not po.hospital_tender_id and not po.hospital_works_id
        )
        lines = orders.order_line.filtered(
            lambda ln: ln.product_id and not ln.display_type
        )
        if not lines:
            return
        months = {month_start(po.date_order) for po in orders}
        start = min(months)
        end = max(months) + relativedelta(months=1)
        ordered = defaultdict(float)
        for company, product, month, amount in (
            self.env["purchase.order.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", lines.product_id.ids),
                    ("company_id", "in", orders.company_id.ids),
                    ("order_id.state", "in", CONFIRMED_STATES),
                    ("order_id.hospital_tender_id", "=", False),
                    ("order_id.hospital_works_id", "=", False),
                    ("order_id", "not in", orders.ids),
                    ("hospital_budget_date", ">=", start),
                    ("hospital_budget_date", "<", end),
                ],
                ["company_id", "product_id", "hospital_budget_date:month"],
                ["hospital_budget_amount:sum"],
            )
        ):
            ordered[company.id, product.id, month_start(month)] += amount
        for line in lines:
            order = line.order_id
            key = (
                order.company_id.id,
                line.product_id.id,
                month_start(order.date_order),
            )
            ordered[key] += line.hospital_budget_amount
            threshold = order.company_id.hospital_tender_amount
            if ordered[key] >= threshold:
                raise UserError(
                    self.env._(
                        "%(order)s: with it, %(amount)s of %(product)s is ordered "
                        "in %(month)s outside a tender. From %(threshold)s the "
                        "purchases of one item in a month go through a tender or "
                        "a negotiation; they are not split into orders.",
                        order=order.display_name,
                        amount=f"{ordered[key]:,.2f}",
                        product=line.product_id.display_name,
                        month=key[2].strftime("%Y-%m"),
                        threshold=f"{threshold:,.2f}",
                    )
                )

    def _hospital_check_works_estimate(self):
        """Above the estimate threshold a works is ordered once its budget
        estimate is filed, and its orders together stay within the estimate
        (a works costing more is re-estimated, not over-ordered)."""
        works_orders = self.filtered("hospital_works_id")
        ordered = defaultdict(float)
        for works, amount in (
            self.env["purchase.order.line"]
            .sudo()
            ._read_group(
                [
                    (
                        "order_id.hospital_works_id",
                        "in",
                        works_orders.hospital_works_id.ids,
                    ),
                    ("order_id.state", "in", CONFIRMED_STATES),
                    ("order_id", "not in", works_orders.ids),
                ],
                ["order_id.hospital_works_id"],
                ["hospital_budget_amount:sum"],
            )
            if works_orders
            else []
        ):
            ordered[works.id] = amount
        for order in works_orders:
            works = order.hospital_works_id
            ordered[works.id] += order._hospital_order_amount()
            if (
                works.estimate_amount
                and ordered[works.id] > works.estimate_amount + 0.005
            ):
                raise UserError(
                    self.env._(
                        "%(order)s: %(works)s would be ordered for %(amount)s, above "
                        "its budget estimate of %(estimate)s. Revise and file the "
                        "estimate again first.",
                        order=order.display_name,
                        works=works.display_name,
                        amount=f"{ordered[works.id]:,.2f}",
                        estimate=f"{works.estimate_amount:,.2f}",
                    )
                )
            if (
                order._hospital_order_amount()
                > order.company_id.hospital_budget_estimate_amount
                and not works._hospital_estimate_filed()
            ):
                raise UserError(
                    self.env._(
                        "%(order)s: works above %(threshold)s are ordered only once "
                        "their budget estimate is filed for finance (%(works)s).",
                        order=order.display_name,
                        threshold=f"{order.company_id.hospital_budget_estimate_amount:,.2f}",
                        works=works.display_name,
                    )
                )

    def _hospital_check_plan(self):
        """No buying beyond the approved plan: per department, item and
        month, what is ordered stays within the approved monthly plans and
        urgent requests."""
        lines = self.order_line.filtered(
            lambda ln: (
                ln.hospital_department_id and ln.product_id and not ln.display_type
            )
        )
        if not lines:
            return
        needed = defaultdict(float)
        for line in lines:
            key = (
                line.hospital_department_id.id,
                line.product_id.id,
                line.hospital_month,
            )
            needed[key] += line.product_uom_qty
        departments = list({k[0] for k in needed})
        products = list({k[1] for k in needed})
        months = list({k[2] for k in needed})
        planned = {
            (dept.id, product.id, month): qty
            for dept, product, month, qty in self.env["purchase.request.line"]
            .sudo()
            ._read_group(
                [
                    ("hospital_department_id", "in", departments),
                    ("product_id", "in", products),
                    ("hospital_month", "in", months),
                    ("hospital_kind", "in", ("plan", "urgent")),
                    ("request_state", "in", PLANNED_STATES),
                    ("cancelled", "=", False),
                ],
                ["hospital_department_id", "product_id", "hospital_month:day"],
                ["hospital_product_qty:sum"],
            )
        }
        bought = {
            (dept.id, product.id, month): qty
            for dept, product, month, qty in self.env["purchase.order.line"]
            .sudo()
            ._read_group(
                [
                    ("hospital_department_id", "in", departments),
                    ("product_id", "in", products),
                    ("hospital_month", "in", months),
                    ("order_id.state", "in", CONFIRMED_STATES),
                    ("order_id", "not in", self.ids),
                ],
                ["hospital_department_id", "product_id", "hospital_month:day"],
                ["product_uom_qty:sum"],
            )
        }
        for key, qty in needed.items():
            key_day = (key[0], key[1], key[2])
            allowed = planned.get(key_day, 0.0) - bought.get(key_day, 0.0)
            if qty > allowed + 1e-6:
                line = lines.filtered(
                    lambda ln, k=key: (
                        (
                            ln.hospital_department_id.id,
                            ln.product_id.id,
                            ln.hospital_month,
                        )
                        == k
                    )
                )[:1]
                raise UserError(
                    self.env._(
                        "%(order)s buys %(qty)s of %(product)s for %(department)s "
                        "in %(month)s, beyond the approved plan (%(left)s left). "
                        "An approved urgent request must cover the difference.",
                        order=line.order_id.display_name,
                        qty=qty,
                        product=line.product_id.display_name,
                        department=line.hospital_department_id.name,
                        month=key[2].strftime("%Y-%m"),
                        left=max(allowed, 0.0),
                    )
                )

    def _hospital_check_budget(self):
        """The department's budget pays; above it (or without a budget line)
        an approved over-budget request is needed."""
        overruns = self._hospital_budget_overruns()
        if not overruns:
            return
        approved = defaultdict(float)
        for order, amount in (
            self.env["hospital.purchase.overrun"]
            .sudo()
            ._read_group(
                [("order_id", "in", self.ids), ("state", "=", "approved")],
                ["order_id"],
                ["amount:sum"],
            )
        ):
            approved[order.id] = amount
        for order in self:
            over = overruns.get(order.id, 0.0)
            if over > approved[order.id] + 0.005:
                raise UserError(
                    self.env._(
                        "%(order)s exceeds the department budget by %(over)s "
                        "(approved over budget: %(approved)s). Ask for an "
                        "over-budget approval first.",
                        order=order.display_name,
                        over=f"{over:,.2f}",
                        approved=f"{approved[order.id]:,.2f}",
                    )
                )

    def _hospital_budget_overruns(self):
        """``{order id: amount over budget}`` of the batch, in the company
        currency, confirming the orders one after the other: lines without a
        budget line are outside the budget. Queries: budget lines of the
        batch and what other confirmed orders consumed."""
        lines = self.order_line.filtered(
            lambda ln: ln.hospital_department_id and not ln.display_type
        )
        if not lines:
            return {}
        consumed = defaultdict(
            float, lines.hospital_budget_line_id._hospital_consumed(exclude_orders=self)
        )
        lines_by_order = defaultdict(lambda: self.env["purchase.order.line"])
        for line in lines:
            lines_by_order[line.order_id.id] |= line
        overruns = {}
        for order in self:
            order_lines = lines_by_order[order.id]
            outside = order_lines.filtered(lambda ln: not ln.hospital_budget_line_id)
            over = sum(outside.mapped("hospital_budget_amount"))
            per_line = defaultdict(float)
            for line in order_lines - outside:
                per_line[line.hospital_budget_line_id] += line.hospital_budget_amount
            for budget_line, amount in per_line.items():
                before = consumed[budget_line.id]
                consumed[budget_line.id] = before + amount
                over += max(0.0, before + amount - max(budget_line.amount, before))
            overruns[order.id] = over
        return overruns

    def _hospital_budget_overrun(self):
        """What confirming this order would exceed of its budget."""
        self.ensure_one()
        return self._hospital_budget_overruns().get(self.id, 0.0)

    def action_hospital_request_overrun(self):
        """Open an over-budget approval for what this order exceeds."""
        self.ensure_one()
        over = self._hospital_budget_overrun()
        if over <= 0:
            raise UserError(
                self.env._(
                    "%(order)s stays within its budget.", order=self.display_name
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hospital.purchase.overrun",
            "view_mode": "form",
            "context": {"default_order_id": self.id, "default_amount": over},
        }
