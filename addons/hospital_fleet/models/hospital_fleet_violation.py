from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from ..groups import DRIVER

VIOLATION_KINDS = [
    ("no_driver", "Driving Without the Assigned Driver"),
    ("no_dispatch", "Trip Without Dispatch"),
    ("private_use", "Private Use Without Approval"),
    ("drunk_driving", "Drunk or Illegal Driving"),
    ("wrong_parking", "Wrong Parking"),
    ("traffic_fine", "Traffic Fine"),
    ("accident", "Accident"),
]


class HospitalFleetViolation(models.Model):
    """The penalties ledger: violations, traffic fines and accidents, and
    what the driver is charged."""

    _name = "hospital.fleet.violation"
    _description = "Vehicle Violation or Accident"
    _hospital_sequence_code = "hospital.fleet.violation"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "name",
        "hospital_share_percent",
        "confirmed_by_id",
    )
    _hospital_editable_states = {"draft": ALL_FIELDS}

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(VIOLATION_KINDS, required=True, tracking=True)
    driver_id = fields.Many2one(
        "res.users",
        string="Driver Charged",
        required=True,
        tracking=True,
        domain=lambda self: [("all_group_ids", "in", self.env.ref(DRIVER).ids)],
    )
    vehicle_id = fields.Many2one("fleet.vehicle", check_company=True)
    trip_id = fields.Many2one(
        "hospital.fleet.trip",
        check_company=True,
        domain="[('vehicle_id', '=?', vehicle_id)]",
    )
    description = fields.Text()
    amount = fields.Monetary(
        string="Penalty",
        compute="_compute_amount",
        store=True,
        readonly=False,
        tracking=True,
        help="Defaults to the penalty of the kind in Settings; a traffic fine is "
        "the amount on the ticket.",
    )
    accident_cost = fields.Monetary(tracking=True)
    insurance_paid = fields.Monetary(string="Paid by Insurance", tracking=True)
    uncovered_cost = fields.Monetary(
        string="Not Covered", compute="_compute_split", store=True
    )
    hospital_share_percent = fields.Float(
        string="Hospital Share (%)",
        readonly=True,
        copy=False,
        help="The Settings' share at confirmation, kept with the accident.",
    )
    hospital_amount = fields.Monetary(
        string="Borne by Hospital", compute="_compute_split", store=True
    )
    driver_charge = fields.Monetary(
        string="Charged to Driver", compute="_compute_split", store=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Charged"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("kind", "company_id")
    def _compute_amount(self):
        for violation in self:
            defaults = violation.company_id._hospital_penalty_amounts()
            violation.amount = defaults.get(violation.kind, 0.0)

    @api.depends(
        "kind", "amount", "accident_cost", "insurance_paid", "hospital_share_percent"
    )
    def _compute_split(self):
        for violation in self:
            if violation.kind != "accident":
                violation.uncovered_cost = violation.hospital_amount = 0.0
                violation.driver_charge = violation.amount
                continue
            uncovered = max(violation.accident_cost - violation.insurance_paid, 0.0)
            share = violation._hospital_share_percent() / 100
            violation.uncovered_cost = uncovered
            violation.hospital_amount = uncovered * share
            violation.driver_charge = uncovered - violation.hospital_amount

    def _hospital_share_percent(self):
        """The hospital's share of an accident: kept from confirmation on,
        read from Settings before."""
        self.ensure_one()
        if self.state == "confirmed":
            return self.hospital_share_percent
        return self.company_id.hospital_accident_hospital_share

    @api.constrains("amount", "accident_cost", "insurance_paid")
    def _check_amounts(self):
        for violation in self:
            if (
                min(violation.amount, violation.accident_cost, violation.insurance_paid)
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Penalties, accident costs and insurance payments cannot be "
                        "negative."
                    )
                )
            if violation.insurance_paid > violation.accident_cost:
                raise ValidationError(
                    self.env._("The insurance cannot pay more than the accident cost.")
                )

    @hospital_transition
    def action_confirm(self):
        for violation in self:
            if violation.state != "draft":
                raise UserError(self.env._("Only a draft violation is charged."))
            if violation.kind == "accident" and not violation.accident_cost:
                raise UserError(
                    self.env._("Enter the accident cost before charging the driver.")
                )
            if violation.kind != "accident" and not violation.amount:
                raise UserError(self.env._("Enter the amount charged to the driver."))
            violation.write(
                {
                    "state": "confirmed",
                    "confirmed_by_id": self.env.uid,
                    "hospital_share_percent": (
                        violation.company_id.hospital_accident_hospital_share
                    ),
                }
            )

    @hospital_transition
    def action_cancel(self):
        self.write({"state": "cancel"})

    @hospital_transition
    def action_draft(self):
        self.filtered(lambda v: v.state == "cancel").write({"state": "draft"})
