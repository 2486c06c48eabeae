from odoo import api, models


class HospitalKpiSource(models.AbstractModel):
    """The one interface through which an addon offers its KPIs (DOMAIN.md §8).

    The addon that owns the data extends this model (``_inherit``) and adds
    its KPIs to :meth:`_hospital_kpi_sources`; ``hospital_kpi`` reads them
    from here only.  An addon that is not installed therefore removes its
    KPIs and breaks nothing, and one installed later adds them.

    Each source is ``{code: spec}`` where ``spec`` holds

    - ``name``: translated label (``self.env._("On-time response rate")``);
    - ``area``: one of :meth:`_hospital_kpi_areas`;
    - ``unit``: as printed after the value (``"%"``, ``"h"``, ``"d"``, ``"¥"``,
      ``"¥/km"``);
    - ``direction``: ``"higher"`` or ``"lower"`` (which way is better);
    - ``factor``: value = factor × numerator ÷ denominator (100 for a rate);
    - ``target``: the default target, a number (the configured one is kept by
      ``hospital_kpi``'s definitions);
    - ``compute``: name of a method of this model,
      ``method(date_from, date_to, company)`` with ``date_from`` included and
      ``date_to`` excluded (``datetime.date``), returning
      ``{hr.department id or False: (numerator, denominator)}``.  It runs a
      fixed number of ``_read_group`` queries whatever the number of records,
      so that a quarter of a large hospital closes in a few queries.

    A hospital-wide value is factor × Σ numerators ÷ Σ denominators, so rates
    and means aggregate correctly over departments and months.
    """

    _name = "hospital.kpi.source"
    _description = "Hospital KPI Source"

    @api.model
    def _hospital_kpi_areas(self):
        labels = {
            "service": self.env._("Service Desk"),
            "equipment": self.env._("Equipment"),
            "supply": self.env._("Supply"),
            "stock": self.env._("Ward Stock"),
            "procurement": self.env._("Procurement"),
            "vendor": self.env._("Outsourced Services"),
            "fleet": self.env._("Vehicles"),
            "asset": self.env._("Fixed Assets"),
            "satisfaction": self.env._("Satisfaction"),
            "cost": self.env._("Cost"),
            "other": self.env._("Other Services"),
        }
        return list(labels.items())

    @api.model
    def _hospital_kpi_sources(self):
        return {}

    @api.model
    def _hospital_kpi_values(self, code, date_from, date_to, company=None):
        """``{department id or False: (numerator, denominator)}`` of one KPI
        over ``[date_from, date_to)``; empty when its addon is not installed."""
        spec = self._hospital_kpi_sources().get(code)
        if not spec:
            return {}
        return getattr(self, spec["compute"])(
            date_from, date_to, company or self.env.company
        )
