from odoo import api, fields, models

from .hospital_outsourcing_kpi_template import SERVICE_TYPES


class HospitalOutsourcingLicenceRequirement(models.Model):
    """The certificates an outsourced service requires of every worker the
    vendor puts on it (持证上岗): a yearly health certificate for catering,
    the special-operation licences for elevators, electricity and boilers.
    A new agreement of the service starts from these; the agreement may add
    more (a boiler contract needs the boiler operator licence)."""

    _name = "hospital.outsourcing.licence.requirement"
    _description = "Certificates Required by an Outsourced Service"
    _order = "service_type"

    service_type = fields.Selection(SERVICE_TYPES, required=True)
    licence_type_ids = fields.Many2many(
        "hospital.licence.type",
        "hospital_outsourcing_requirement_licence_type_rel",
        "requirement_id",
        "licence_type_id",
        string="Certificates Required",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _service_unique = models.Constraint(
        "UNIQUE(service_type, company_id)",
        "A service has one list of required certificates per hospital.",
    )

    @api.depends("service_type")
    def _compute_display_name(self):
        labels = dict(self._fields["service_type"]._description_selection(self.env))
        for requirement in self:
            requirement.display_name = labels.get(requirement.service_type, "")

    @api.model
    def _hospital_types_of(self, service_type, company):
        """Licence types the service ``service_type`` requires in ``company``."""
        return self.search(
            [("service_type", "=", service_type), ("company_id", "=", company.id)],
            limit=1,
        ).licence_type_ids
