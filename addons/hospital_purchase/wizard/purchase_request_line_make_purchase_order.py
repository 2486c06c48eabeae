from odoo import models


class PurchaseRequestLineMakePurchaseOrder(models.TransientModel):
    """RFQs made from plans keep each department's lines apart, so that each
    order line is paid by one department's budget and checked against its
    plan."""

    _inherit = "purchase.request.line.make.purchase.order"

    def _get_order_line_search_domain(self, order, item):
        return super()._get_order_line_search_domain(order, item) + [
            (
                "hospital_department_id",
                "=",
                item.line_id.request_id.hospital_department_id.id,
            )
        ]

    def _prepare_purchase_order(self, picking_type, company, origin):
        data = super()._prepare_purchase_order(picking_type, company, origin)
        departments = self.item_ids.line_id.request_id.hospital_department_id
        if len(departments) == 1:
            data["hospital_department_id"] = departments.id
        return data
