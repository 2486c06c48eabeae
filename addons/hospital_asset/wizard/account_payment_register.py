from odoo import models


class AccountPaymentRegister(models.TransientModel):
    _inherit = "account.payment.register"

    def _create_payments(self):
        # Every way of paying a bill goes through here (the bill's button,
        # the journal items' button, the wizard opened by RPC).
        self.line_ids.move_id._hospital_check_assets_registered()
        return super()._create_payments()
