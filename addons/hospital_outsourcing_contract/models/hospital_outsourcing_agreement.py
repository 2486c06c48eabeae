from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.hospital_outsourcing.models.hospital_outsourcing_agreement import (
    HospitalOutsourcingAgreement as BaseAgreement,
)

BASE_STATES = BaseAgreement._hospital_editable_states


class HospitalOutsourcingAgreement(models.Model):
    """The agreement's contract (合同): the register of ``hospital_contract``
    keeps the signed document, its approval and its archive; the agreement
    keeps what is measured each quarter.  The link may be set while the
    agreement is in force (the contract is often signed after the service
    starts)."""

    _inherit = "hospital.outsourcing.agreement"

    _hospital_editable_states = {
        **BASE_STATES,
        "active": (*BASE_STATES["active"], "contract_id"),
    }

    contract_id = fields.Many2one(
        "hospital.contract",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('commercial_partner_id', '=', vendor_id)]",
        help="The contract signed with the vendor for this service.",
    )
    contract_state = fields.Selection(
        related="contract_id.state", string="Contract Status"
    )
    contract_date_end = fields.Date(
        related="contract_id.date_end", string="Contract End"
    )

    @api.constrains("contract_id", "vendor_id")
    def _check_contract_vendor(self):
        for agreement in self.sudo():
            contract = agreement.contract_id
            if contract and contract.commercial_partner_id != agreement.vendor_id:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s is signed with %(partner)s, not with "
                        "the vendor of %(agreement)s.",
                        contract=contract.display_name,
                        partner=contract.commercial_partner_id.name,
                        agreement=agreement.display_name,
                    )
                )
