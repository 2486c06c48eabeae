from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import FINANCE, LEADERSHIP, STAFF
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [
    ("draft", "Draft"),
    ("submitted", "To Verify"),
    ("approval", "In Approval"),
    ("approved", "Approved"),
    ("done", "Scrapped"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
SALE_STATES = [
    ("none", "Not Sold"),
    ("requested", "Sale Requested"),
    ("approved", "Sale Approved"),
    ("recorded", "Income Recorded"),
]
OPEN_STATES = ("draft", "submitted", "approval", "approved")


class HospitalAssetScrap(models.Model):
    """A scrap or write-off request (报损/报废申请单) for an asset or a stock item.

    Written by the department with name, spec, model, quantity, value and
    reason; verified by the managing department (technical appraisal when
    needed, the returned item for low-value items); approved by tier
    validation on the unit value: from the office meeting amount (Settings)
    by the president's office meeting, below it by the deputy director.
    Scrapped, the item is at the scrap location; the sale of scrap is
    approved and its income recorded for finance.
    """

    _name = "hospital.asset.scrap"
    _description = "Scrap Request (报废申请)"
    _hospital_sequence_code = "hospital.asset.scrap"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.tier.validation",
        "hospital.workflow.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _tier_validation_manual_config = False
    _hospital_own_review_buttons = True
    _state_from = ["approval"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    _hospital_workflow_fields = (
        "state",
        "verified_by_id",
        "verified_date",
        "returned_by_id",
        "returned_date",
        "approved_by_id",
        "approved_date",
        "stock_scrap_id",
        "sale_state",
        "sale_approved_by_id",
        "income_recorded_by_id",
        "income_recorded_date",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "submitted": ("appraisal", "appraiser_id", "refusal_reason"),
        "approval": ("office_meeting_date", "office_meeting_minutes", "refusal_reason"),
        "done": ("sale_buyer_id", "sale_amount", "income_reference"),
    }
    _hospital_free_fields = ("note", "review_ids", "validation_status")

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("asset", "Fixed Asset"), ("stock", "Stock Item")],
        required=True,
        default="asset",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Requesting Department",
        compute="_compute_from_item",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        check_company=True,
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        string="Asset",
        check_company=True,
        domain="[('hospital_asset_state', 'in', ('in_use', 'lost'))]",
        index="btree_not_null",
    )
    product_id = fields.Many2one("product.product", string="Stock Item")
    location_id = fields.Many2one(
        "stock.location",
        string="Held At",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
    )
    item_name = fields.Char(
        string="Name",
        compute="_compute_from_item",
        store=True,
        readonly=False,
        precompute=True,
    )
    item_spec = fields.Char(string="Specification")
    item_model = fields.Char(
        string="Model",
        compute="_compute_from_item",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Float(default=1.0, digits="Product Unit", required=True)
    unit_value = fields.Monetary(
        compute="_compute_from_item",
        store=True,
        readonly=False,
        precompute=True,
        help="Decides who approves: from the office meeting amount in Settings, "
        "the president's office meeting; below it, the deputy director.",
    )
    amount_total = fields.Monetary(
        string="Total Value", compute="_compute_amount_total", store=True
    )
    reason = fields.Text(help="Why the item is scrapped or written off.")
    low_value = fields.Boolean(
        string="Low-value Item",
        compute="_compute_from_item",
        store=True,
        readonly=False,
        precompute=True,
        help="Scrapped only against the returned item.",
    )
    appraisal_required = fields.Boolean(string="Technical Appraisal Needed")
    appraisal = fields.Text(string="Technical Appraisal")
    appraiser_id = fields.Many2one("res.users")
    needs_office_meeting = fields.Boolean(compute="_compute_needs_office_meeting")
    office_meeting_date = fields.Date(copy=False)
    office_meeting_minutes = fields.Text(copy=False)
    refusal_reason = fields.Text(copy=False)
    note = fields.Text()
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_date = fields.Datetime(readonly=True, copy=False)
    returned_by_id = fields.Many2one(
        "res.users", string="Return Received By", readonly=True, copy=False
    )
    returned_date = fields.Datetime(
        string="Item Returned On", readonly=True, copy=False
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    stock_scrap_id = fields.Many2one("stock.scrap", readonly=True, copy=False)
    scrap_location_id = fields.Many2one(
        "stock.location",
        compute="_compute_scrap_location_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('usage', '=', 'inventory')]",
        help="Where the warehouse keeps the scrapped item until it is sold.",
    )
    deputy_director_ids = fields.Many2many(
        "res.users",
        compute="_compute_deputy_director_ids",
        help="Reviewer of the requests below the office meeting amount.",
    )
    sale_state = fields.Selection(
        SALE_STATES, default="none", required=True, copy=False, tracking=True
    )
    sale_buyer_id = fields.Many2one("res.partner", string="Scrap Buyer", copy=False)
    sale_amount = fields.Monetary(string="Sale Income", copy=False, tracking=True)
    income_reference = fields.Char(string="Receipt Reference", copy=False)
    sale_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    income_recorded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    income_recorded_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("equipment_id", "product_id")
    def _compute_from_item(self):
        for scrap in self:
            if scrap.kind == "asset" and scrap.equipment_id:
                asset = scrap.equipment_id
                scrap.department_id = asset.department_id or scrap.department_id
                scrap.item_name = asset.name
                scrap.item_model = asset.model
                scrap.unit_value = asset.hospital_asset_value
                scrap.low_value = asset.hospital_low_value
            elif scrap.kind == "stock" and scrap.product_id:
                scrap.item_name = scrap.product_id.display_name
                scrap.unit_value = scrap.product_id.standard_price
                scrap.low_value = True
                scrap.item_model = scrap.item_model
            else:
                scrap.item_name = scrap.item_name
                scrap.item_model = scrap.item_model
                scrap.unit_value = scrap.unit_value
                scrap.low_value = scrap.low_value

    @api.depends("company_id")
    def _compute_scrap_location_id(self):
        locations = dict(
            self.env["stock.location"]._read_group(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("usage", "=", "inventory"),
                ],
                ["company_id"],
                ["id:min"],
            )
        )
        for scrap in self:
            scrap.scrap_location_id = scrap.scrap_location_id or locations.get(
                scrap.company_id
            )

    @api.depends("quantity", "unit_value")
    def _compute_amount_total(self):
        for scrap in self:
            scrap.amount_total = scrap.quantity * scrap.unit_value

    @api.depends("unit_value", "company_id")
    def _compute_needs_office_meeting(self):
        for scrap in self:
            scrap.needs_office_meeting = (
                scrap.unit_value >= scrap.company_id.hospital_asset_scrap_meeting_amount
            )

    @api.depends("company_id")
    def _compute_deputy_director_ids(self):
        leadership = self.env.ref(LEADERSHIP).sudo().all_user_ids
        for scrap in self:
            scrap.deputy_director_ids = (
                scrap.company_id.hospital_asset_deputy_director_id or leadership
            )

    @api.constrains("quantity", "unit_value", "sale_amount")
    def _check_amounts(self):
        for scrap in self:
            if scrap.quantity <= 0:
                raise ValidationError(
                    self.env._("The quantity to scrap must be greater than zero.")
                )
            if scrap.unit_value < 0 or scrap.sale_amount < 0:
                raise ValidationError(
                    self.env._("A value or an income cannot be negative.")
                )

    @api.constrains("kind", "equipment_id", "quantity")
    def _check_asset_item(self):
        for scrap in self.filtered(lambda s: s.kind == "asset" and s.equipment_id):
            if scrap.quantity != 1:
                raise ValidationError(
                    self.env._("An asset is scrapped one at a time (quantity 1).")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(scrap.state != "draft" for scrap in self):
            raise UserError(
                self.env._("A scrap request is kept once submitted; cancel it.")
            )

    def _get_tier_validation_readonly_domain(self):
        return "state == 'approval' and validation_status not in ('no', False)"

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "office_meeting_date",
            "office_meeting_minutes",
            "refusal_reason",
            "state",
            "approved_by_id",
            "approved_date",
            "note",
        ]

    def _hospital_form_copies(self):
        """The three copies of the printed form, in the order they are kept."""
        return [
            self.env._("Copy 1 of 3: requesting department (使用科室)"),
            self.env._("Copy 2 of 3: asset management (资产管理科)"),
            self.env._("Copy 3 of 3: finance (财务科)"),
        ]

    # ------------------------------------------------------------ checks
    def _hospital_check_group(self, group, message):
        if not (self.env.su or self.env.user.has_group(group)):
            raise UserError(message)

    def _hospital_check_item(self):
        for scrap in self:
            if scrap.kind == "asset":
                asset = scrap.equipment_id
                if not asset:
                    raise UserError(self.env._("Choose the asset to scrap."))
                if asset.hospital_asset_state == "scrapped":
                    raise UserError(
                        self.env._(
                            "%(asset)s is already scrapped.", asset=asset.display_name
                        )
                    )
                if asset.hospital_asset_state not in ("in_use", "lost"):
                    raise UserError(
                        self.env._(
                            "%(asset)s is not on the books: register it first.",
                            asset=asset.display_name,
                        )
                    )
                other = self.search_count(
                    [
                        ("id", "!=", scrap.id),
                        ("equipment_id", "=", asset.id),
                        ("state", "in", OPEN_STATES),
                    ]
                )
                if other:
                    raise UserError(
                        self.env._(
                            "%(asset)s already has an open scrap request.",
                            asset=asset.display_name,
                        )
                    )
            elif not (scrap.product_id and scrap.location_id):
                raise UserError(
                    self.env._("Choose the stock item and where it is held.")
                )

    # ------------------------------------------------------------ steps
    @hospital_transition
    def action_submit(self):
        self._hospital_check_state("draft")
        self._hospital_check_item()
        for scrap in self:
            if not (scrap.reason or "").strip():
                raise UserError(
                    self.env._("A scrap request is written: give the reason.")
                )
            if not (scrap.item_name or "").strip():
                raise UserError(self.env._("Give the name of the item."))
        self.write({"state": "submitted"})
        return True

    @hospital_transition
    def action_confirm_return(self):
        """The warehouse received the item back (the scrap location for stock
        items): low-value items are scrapped only against it."""
        self._hospital_check_state("draft", "submitted", "approval", "approved")
        self._hospital_check_group(
            STAFF, self.env._("The warehouse confirms that the item came back.")
        )
        self.write(
            {"returned_by_id": self.env.uid, "returned_date": fields.Datetime.now()}
        )
        return True

    @hospital_transition
    def action_verify(self):
        """The managing department verifies the request and sends it to
        approval at the level of its unit value."""
        self._hospital_check_state("submitted")
        self._hospital_check_group(
            STAFF, self.env._("The managing department verifies scrap requests.")
        )
        self._hospital_check_item()
        for scrap in self:
            if scrap.appraisal_required and not (scrap.appraisal or "").strip():
                raise UserError(
                    self.env._(
                        "%(request)s needs a technical appraisal before approval.",
                        request=scrap.display_name,
                    )
                )
            if scrap.low_value and not scrap.returned_date:
                raise UserError(
                    self.env._(
                        "%(request)s is for a low-value item: it is scrapped only "
                        "against the returned item. The warehouse confirms the "
                        "return first.",
                        request=scrap.display_name,
                    )
                )
        self.write(
            {
                "state": "approval",
                "verified_by_id": self.env.uid,
                "verified_date": fields.Datetime.now(),
            }
        )
        self.request_validation()
        # need_validation was computed before the reviews existed: left in
        # the cache, approving would ask for the same reviews once more.
        self.invalidate_recordset(["need_validation"])
        return True

    def _hospital_check_office_meeting(self):
        today = fields.Date.context_today(self)
        for scrap in self.filtered("needs_office_meeting"):
            if not (scrap.office_meeting_date and scrap.office_meeting_minutes):
                raise UserError(
                    self.env._(
                        "%(request)s has a unit value of %(value)s, from %(limit)s the "
                        "president's office meeting approves: record the meeting's "
                        "date and minutes first.",
                        request=scrap.display_name,
                        value=scrap.unit_value,
                        limit=scrap.company_id.hospital_asset_scrap_meeting_amount,
                    )
                )
            if scrap.office_meeting_date > today:
                raise UserError(
                    self.env._("The office meeting cannot be held in the future.")
                )

    @hospital_transition
    def action_approve(self):
        self._hospital_check_state("approval")
        self._hospital_check_office_meeting()
        for scrap in self:
            if not scrap.can_review:
                raise UserError(
                    self.env._(
                        "%(request)s is not yours to approve: %(level)s approves it.",
                        request=scrap.display_name,
                        level=self.env._("the president's office meeting")
                        if scrap.needs_office_meeting
                        else self.env._("the deputy director"),
                    )
                )
            scrap._validate_tier()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    @hospital_transition
    def action_refuse(self):
        self._hospital_check_state("submitted", "approval")
        for scrap in self:
            if not (scrap.refusal_reason or "").strip():
                raise UserError(self.env._("Give the reason for refusing."))
            if scrap.state == "approval" and not scrap.can_review:
                raise UserError(
                    self.env._("Only the approver refuses a request in approval.")
                )
            if scrap.state == "submitted":
                scrap._hospital_check_group(
                    STAFF, self.env._("The managing department refuses requests.")
                )
            if scrap.state == "approval":
                scrap._rejected_tier()
        self.write({"state": "refused"})
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "submitted", "refused")
        self.write({"state": "cancel"})
        return True

    @hospital_transition
    def action_draft(self):
        self._hospital_check_state("refused", "cancel")
        self.restart_validation()
        self.write({"state": "draft"})
        return True

    @hospital_transition
    def action_scrap(self):
        """Approved: the asset is off the books, the stock item goes to the
        scrap location."""
        self._hospital_check_state("approved")
        self._hospital_check_group(
            STAFF, self.env._("The warehouse carries out approved scraps.")
        )
        self._hospital_check_item()
        for scrap in self:
            if not scrap.returned_date:
                # Handed over to the warehouse keeper who scraps it.
                scrap.write(
                    {
                        "returned_by_id": self.env.uid,
                        "returned_date": fields.Datetime.now(),
                    }
                )
            if scrap.kind == "asset":
                scrap.equipment_id.sudo()._hospital_set_asset_state(
                    "scrapped", scrap_location=scrap.scrap_location_id
                )
                continue
            stock_scrap = (
                self.env["stock.scrap"]
                .sudo()
                .create(
                    {
                        "company_id": scrap.company_id.id,
                        "product_id": scrap.product_id.id,
                        "product_uom_id": scrap.product_id.uom_id.id,
                        "scrap_qty": scrap.quantity,
                        "location_id": scrap.location_id.id,
                        "scrap_location_id": scrap.scrap_location_id.id,
                        "origin": scrap.name,
                    }
                )
            )
            stock_scrap.do_scrap()
            scrap.stock_scrap_id = stock_scrap
        self.write({"state": "done"})
        return True

    @hospital_transition
    def action_request_sale(self):
        self._hospital_check_state("done")
        for scrap in self:
            if scrap.sale_state != "none":
                raise UserError(self.env._("The sale is already requested."))
            if not scrap.sale_buyer_id:
                raise UserError(self.env._("Name the buyer of the scrap."))
        self.write({"sale_state": "requested"})
        return True

    @hospital_transition
    def action_approve_sale(self):
        self._hospital_check_group(
            LEADERSHIP, self.env._("Hospital leadership approves the sale of scrap.")
        )
        for scrap in self:
            if scrap.sale_state != "requested":
                raise UserError(self.env._("No sale of this scrap awaits approval."))
        self.write({"sale_state": "approved", "sale_approved_by_id": self.env.uid})
        return True

    @hospital_transition
    def action_record_income(self):
        self._hospital_check_group(
            FINANCE, self.env._("Finance records the income of a scrap sale.")
        )
        for scrap in self:
            if scrap.sale_state != "approved":
                raise UserError(self.env._("Only an approved sale brings income."))
            if not scrap.sale_amount or not scrap.income_reference:
                raise UserError(
                    self.env._("Record the amount and the receipt reference.")
                )
        self.write(
            {
                "sale_state": "recorded",
                "income_recorded_by_id": self.env.uid,
                "income_recorded_date": fields.Datetime.now(),
            }
        )
        return True
