from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20


class HospitalContractPortal(CustomerPortal):
    """A vendor sees its own contracts once approved: the record rules decide
    which, the pages only show them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "contract_count" in counters:
            Contract = request.env["hospital.contract"]
            values["contract_count"] = (
                Contract.search_count([]) if Contract.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/contracts", "/my/contracts/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_contracts(self, page=1, **kw):
        Contract = request.env["hospital.contract"]
        if not Contract.has_access("read"):
            return request.redirect("/my")
        total = Contract.search_count([])
        pager = portal_pager(
            url="/my/contracts", total=total, page=page, step=PAGE_SIZE
        )
        contracts = Contract.search(
            [], order="date_end desc, id desc", limit=PAGE_SIZE, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "contracts": contracts.sudo(),
                "page_name": "hospital_contract",
                "pager": pager,
                "default_url": "/my/contracts",
            }
        )
        return request.render("hospital_contract.portal_my_contracts", values)

    @http.route(
        ["/my/contracts/<int:contract_id>"], type="http", auth="user", website=True
    )
    def portal_my_contract(self, contract_id, access_token=None, **kw):
        try:
            contract = self._document_check_access("hospital.contract", contract_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"contract": contract, "page_name": "hospital_contract"})
        return request.render("hospital_contract.portal_my_contract", values)
