from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import STAFF


class HospitalStockDepartmentMixin(models.AbstractModel):
    """A ward document: it belongs to one department and its stock location.

    Record rules already hide other wards' documents; this adds the explicit
    error a head nurse gets when she picks another ward's location, instead of
    a bare access error, and gives every ward document the same fields.
    """

    _name = "hospital.stock.department.mixin"
    _description = "Hospital Ward Document"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('hospital_location_id', '!=', False)]",
        default=lambda self: self._default_hospital_department(),
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Ward Location",
        compute="_compute_location_id",
        store=True,
        index=True,
    )

    @api.model
    def _default_hospital_department(self):
        departments = self.env.user.hospital_department_ids.filtered(
            "hospital_location_id"
        )
        return departments[:1]

    @api.depends("department_id.hospital_location_id")
    def _compute_location_id(self):
        for record in self:
            record.location_id = record.department_id.hospital_location_id

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_department_member()
        return records

    def write(self, vals):
        result = super().write(vals)
        if "department_id" in vals:
            self._check_department_member()
        return result

    def _hospital_is_logistics(self):
        return self.env.su or self.env.user.has_group(STAFF)

    def _check_department_member(self):
        if self._hospital_is_logistics():
            return
        mine = self.env.user.hospital_department_ids
        for record in self:
            if record.department_id not in mine:
                raise UserError(
                    self.env._(
                        "%(department)s is not your department: you can only "
                        "work on the stock of your own ward.",
                        department=record.department_id.name,
                    )
                )
            if not record.department_id.hospital_location_id:
                raise UserError(
                    self.env._(
                        "%(department)s has no ward stock location yet.",
                        department=record.department_id.name,
                    )
                )

    def _hospital_custodians(self):
        """The head nurse and the keeper: they answer for the ward's stock."""
        self.ensure_one()
        return self.department_id.head_nurse_id | self.department_id.keeper_id

    def _check_custodian(self):
        for record in self:
            if not (record.env.su or record.env.user in record._hospital_custodians()):
                raise UserError(
                    self.env._(
                        "Only the head nurse or the keeper of %(department)s can "
                        "do this.",
                        department=record.department_id.name,
                    )
                )
