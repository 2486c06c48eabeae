from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..groups import MANAGER

# A threshold of DOMAIN.md is a field of the company declared by the addon
# that enforces it, which also registers its kind in
# ``_hospital_threshold_kinds()``.  The kind decides what counts as nonsense:
#   amount  - money in the company currency, may be 0 but never negative
#   period  - a duration or an interval, strictly positive
#   count   - a number of people or parties, at least 1
#   percent - a share or a target, between 0 and 100


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _hospital_threshold_kinds(self):
        """``{field: kind}`` of the thresholds of the installed addons.  An
        addon declaring a threshold extends this (``super()`` plus its own),
        so that it is validated, shown, editable by the logistics manager and
        tracked like the others."""
        return {}

    @api.constrains(lambda self: tuple(self._hospital_threshold_kinds()))
    def _check_hospital_thresholds(self):
        for company in self:
            for fname, kind in company._hospital_threshold_kinds().items():
                company._check_hospital_threshold(fname, kind)

    def write(self, vals):
        if self.env.su or self.env.user.has_group("base.group_erp_manager"):
            changes = self._hospital_threshold_changes(vals)
            result = super().write(vals)
            self._hospital_log_threshold_changes(changes)
            return result
        # Outside the administrators, only this addon's access right lets a
        # user write a company: it opens the thresholds of the logistics
        # manager's own companies, and nothing else of them.
        if not (
            set(vals) <= set(self._hospital_threshold_kinds())
            and self.env.user.has_group(MANAGER)
            and self <= self.env.user.company_ids
        ):
            raise AccessError(
                self.env._(
                    "Only a logistics manager or an administrator changes the "
                    "hospital's thresholds, and a logistics manager changes "
                    "nothing else of the company."
                )
            )
        return self.sudo().write(vals)

    def _hospital_threshold_changes(self, vals):
        """``[(company, field, old value)]`` for the thresholds ``vals``
        changes."""
        fnames = set(vals) & set(self._hospital_threshold_kinds())
        return [
            (company, fname, company[fname])
            for fname in fnames
            for company in self
            if company._fields[fname].convert_to_cache(vals[fname], company)
            != company._fields[fname].convert_to_cache(company[fname], company)
        ]

    def _hospital_log_threshold_changes(self, changes):
        """Keep who changed each threshold, when, and from what to what."""
        if not changes:
            return
        self.env["hospital.threshold.change"].sudo().create(
            [
                {
                    "company_id": company.id,
                    "field_name": fname,
                    "old_value": company._hospital_threshold_display(fname, old),
                    "new_value": company._hospital_threshold_display(
                        fname, company[fname]
                    ),
                    "user_id": self.env.uid,
                }
                for company, fname, old in changes
            ]
        )

    def _hospital_threshold_display(self, fname, value):
        self.ensure_one()
        if self._fields[fname].type == "monetary":
            return f"{self.currency_id.symbol or ''}{value:,.2f}"
        return f"{value:g}" if isinstance(value, float) else str(value)

    @api.model
    def _hospital_action_thresholds(self):
        """The thresholds of the current company, as the logistics manager
        edits them (administrators also have the Settings page)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_logistics.res_company_action_hospital_thresholds"
        )
        action["res_id"] = self.env.company.id
        return action

    def _check_hospital_threshold(self, fname, kind):
        self.ensure_one()
        value = self[fname]
        label = self._fields[fname].get_description(self.env)["string"]
        if kind == "amount" and value < 0:
            raise ValidationError(
                self.env._("“%(setting)s” cannot be negative.", setting=label)
            )
        if kind == "period" and value <= 0:
            raise ValidationError(
                self.env._("“%(setting)s” must be greater than zero.", setting=label)
            )
        if kind == "count" and value < 1:
            raise ValidationError(
                self.env._("“%(setting)s” must be at least 1.", setting=label)
            )
        if kind == "percent" and not 0 <= value <= 100:
            raise ValidationError(
                self.env._(
                    "“%(setting)s” is a percentage: it must lie between 0 and 100.",
                    setting=label,
                )
            )

    def _hospital_demo_identity(self):
        """Demo data: make the company the demo hospital.

        Called by the suite's demo files that load after Odoo's stock demo,
        which renames the main company "My Company (San Francisco)". The
        hospital keeps its books in yuan (``bin/start`` loads the Chinese
        chart, l10n_cn, before the addons that book entries; accounting refuses
        a change of currency once entries exist). The other companies of
        Odoo's own demo (Chicago, the l10n_cn samples) are taken away from the
        administrator and demo users, so that no hospital login offers them.
        """
        cny = self.env.ref("base.CNY")
        cny.active = True
        for company in self:
            company.write(
                {
                    "name": "滨江市第一人民医院",
                    "street": "健康路 88 号",
                    "street2": False,
                    "city": "滨江市",
                    "zip": "310051",
                    # Odoo's demo leaves its Californian state on the company,
                    # printed in every report header.
                    "state_id": self.env.ref("base.state_cn_ZJ").id,
                    "country_id": self.env.ref("base.cn").id,
                    "phone": "0571-8800 1200",
                }
            )
            booked = "account.move.line" in self.env and self.env[
                "account.move.line"
            ].sudo().search_count([("company_id", "=", company.id)], limit=1)
            if not booked:
                company.currency_id = cny
        for xmlid in ("base.user_admin", "base.user_demo"):
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user and self:
                user.write(
                    {
                        "company_id": self[0].id,
                        "company_ids": [fields.Command.set(self.ids)],
                    }
                )

    @api.model
    def _hospital_threshold_selection(self):
        """Thresholds a tier definition may compare a document against."""
        return [
            (fname, self._fields[fname].get_description(self.env)["string"])
            for fname, kind in self._hospital_threshold_kinds().items()
            if kind in ("amount", "period", "count")
        ]
