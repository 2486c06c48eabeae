from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import LEADERSHIP
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class FleetVehicleLogServices(models.Model):
    """Service, repair, fee and cleaning logs of a vehicle. Repairs are
    approved by tier validation: up to the deputy director's limit by the
    deputy director, above it by the director (limit from Settings)."""

    _name = "fleet.vehicle.log.services"
    _inherit = [
        "fleet.vehicle.log.services",
        "hospital.tier.validation",
        "hospital.workflow.mixin",
    ]

    _tier_validation_manual_config = False
    _state_from = ["new", "running"]
    _state_to = ["done"]
    _cancel_state = "cancelled"
    _hospital_editable_states = {"new": ALL_FIELDS, "running": ("notes", "inv_ref")}
    _hospital_free_fields = ("active", "notes")

    hospital_kind = fields.Selection(
        string="Cost Kind",
        related="service_type_id.hospital_kind",
        store=True,
    )
    hospital_deputy_director_ids = fields.Many2many(
        "res.users",
        string="Deputy Director",
        compute="_compute_hospital_approvers",
        help="Reviewer of the repairs up to the deputy director's limit.",
    )
    hospital_director_ids = fields.Many2many(
        "res.users",
        string="Director",
        compute="_compute_hospital_approvers",
        help="Reviewer of the repairs above the deputy director's limit.",
    )

    @api.depends("company_id")
    def _compute_hospital_approvers(self):
        leadership = self.env.ref(LEADERSHIP).sudo().all_user_ids
        for log in self:
            company = log.company_id or self.env.company
            log.hospital_deputy_director_ids = (
                company.hospital_fleet_deputy_director_id or leadership
            )
            log.hospital_director_ids = company.hospital_fleet_director_id or leadership

    @api.constrains("amount")
    def _check_hospital_amount(self):
        for log in self:
            if log.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The cost of a service log cannot be negative (%(log)s).",
                        log=log.display_name,
                    )
                )

    def _hospital_check_state(self, states, action):
        for log in self:
            if log.state not in states:
                raise UserError(
                    self.env._(
                        "%(log)s cannot %(action)s now.",
                        log=log.display_name,
                        action=action,
                    )
                )

    @hospital_transition
    def action_hospital_start(self):
        self._hospital_check_state(("new",), self.env._("start"))
        self.write({"state": "running"})

    @hospital_transition
    def action_hospital_done(self):
        """Done; a repair only once its tier is approved (checked by the tier
        validation on the state change)."""
        self._hospital_check_state(("new", "running"), self.env._("be done"))
        self.write({"state": "done"})

    @hospital_transition
    def action_hospital_cancel(self):
        self._hospital_check_state(("new", "running"), self.env._("be cancelled"))
        self.write({"state": "cancelled"})

    @hospital_transition
    def action_hospital_reset(self):
        self._hospital_check_state(("cancelled",), self.env._("start again"))
        self.write({"state": "new"})
