from odoo import models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    def _hospital_check_assets_registered(self):
        """Receipt, register, then reimbursement (DOMAIN.md §7): finance pays
        a vendor bill only once the assets it bought are on the books."""
        waiting = (
            self.env["maintenance.equipment"]
            .sudo()
            .search(
                [
                    ("hospital_bill_id", "in", self.ids),
                    ("hospital_asset_state", "in", (False, "draft")),
                ]
            )
        )
        if waiting:
            raise UserError(
                self.env._(
                    "%(bill)s bought assets that are not in the asset register yet "
                    "(%(assets)s): the managing department registers them before "
                    "finance reimburses the bill.",
                    bill=waiting.hospital_bill_id[:1].display_name,
                    assets=", ".join(waiting.mapped("display_name")),
                )
            )

    def action_register_payment(self):
        self._hospital_check_assets_registered()
        return super().action_register_payment()
