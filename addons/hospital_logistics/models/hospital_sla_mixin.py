from datetime import timedelta

from odoo import api, fields, models

from .hospital_workflow_mixin import hospital_transition

HOUR = timedelta(hours=1)


def sla_deadline(start, hours, paused_hours=0.0):
    """When a clock started at ``start`` with ``hours`` allowed runs out,
    ``paused_hours`` of pauses given back."""
    if not start or hours is None or hours is False:
        return False
    return start + timedelta(hours=hours + (paused_hours or 0.0))


def sla_elapsed(start, at, paused_hours=0.0, paused_since=False):
    """Hours the clock ran from ``start`` to ``at``: pauses, the current one
    included, do not count."""
    paused = (paused_hours or 0.0) + (
        max((at - paused_since) / HOUR, 0.0) if paused_since else 0.0
    )
    return max((at - start) / HOUR - paused, 0.0)


class HospitalSlaMixin(models.AbstractModel):
    """Service-level clocks of a document: deadlines, pauses, breach, measured
    times.  The service desk's requests use it; so do vehicle requests (a
    response clock: dispatched within N hours) and vendor tickets.

    How to use it
    -------------
    1. Inherit it. It is a ``hospital.workflow.mixin``: the clock's fields
       change only inside the document's transitions (methods decorated with
       ``@hospital_transition``), never by a direct write::

           _inherit = ["mail.thread", "hospital.sla.mixin"]
           _hospital_sla_start_field = "requested_at"
           _hospital_sla_clocks = {
               "response": {
                   "deadline": "dispatch_deadline",  # required
                   "stop": "dispatched_at",  # required
                   "measure": "dispatch_time",  # optional, hours taken
                   "on_time": "kpi_dispatch_on_time",  # optional, 100 or 0
               },
           }
           # what _hospital_sla_hours() reads, and what _hospital_sla_running()
           # reads: the clocks are recomputed when they change
           _hospital_sla_hours_depends = ("company_id", "is_emergency")
           _hospital_sla_running_depends = ("state",)

    2. Declare the fields the clocks name, on the model: the start
       (``fields.Datetime(default=fields.Datetime.now, required=True,
       readonly=True, copy=False)``); per clock its deadline
       (``fields.Datetime(compute="_compute_hospital_sla_deadlines",
       store=True, copy=False)``), the Datetime that stops it, and, if wanted,
       a Float measure and a Float on-time rate (``aggregator="avg"`` gives a
       KPI: the share of documents on time).
    3. Implement ``_hospital_sla_hours()``: ``{clock: hours allowed}`` for one
       record. It is the one place where the document reads its thresholds
       (the mixin reads no setting). ``None`` for a clock: no deadline.
    4. Override ``_hospital_sla_running()`` when states stop every clock
       (cancelled, closed): no deadline is then due, nothing is breached.
    5. In the document's transitions:
       ``self._hospital_sla_stop("response")`` when the clock's event happens
       (stamps the stop, the measure, the on-time rate, flags a late stop as a
       breach); ``self._hospital_sla_pause()`` / ``_hospital_sla_resume()``
       while waiting for someone else (the paused time is given back to every
       clock); ``_hospital_sla_restart(clock)`` when the work is reopened.
    6. A cron calls ``_hospital_sla_flag_breaches()``: one search on the
       indexed ``sla_due_at`` and ``is_breached`` finds every late document.

    ``sla_due_at`` is the earliest deadline of the clocks still running (empty
    while paused or stopped); extend ``_hospital_sla_running_deadlines()`` to
    add a deadline of the model's own (e.g. a report-back time). For the suite's
    generic test, implement ``_hospital_sla_fixture()``: a new record whose
    clocks run.
    """

    _name = "hospital.sla.mixin"
    _inherit = ["hospital.workflow.mixin"]
    _description = "Hospital Document with Service-level Clocks"

    _hospital_sla_start_field = "create_date"
    _hospital_sla_clocks = {}
    _hospital_sla_hours_depends = ()
    _hospital_sla_running_depends = ()

    paused_since = fields.Datetime(copy=False, readonly=True)
    paused_hours = fields.Float(
        string="Paused (h)",
        copy=False,
        readonly=True,
        help="Time spent waiting for someone else; the service-level clocks do "
        "not run meanwhile.",
    )
    sla_due_at = fields.Datetime(
        string="Due",
        compute="_compute_sla_due_at",
        store=True,
        index="btree_not_null",
        copy=False,
        help="The earliest deadline still running. Empty while paused or once "
        "every clock has stopped.",
    )
    is_breached = fields.Boolean(
        string="SLA Breached", copy=False, readonly=True, index=True
    )

    # ------------------------------------------------------------ the model's
    def _hospital_sla_hours(self):
        """``{clock: hours}`` allowed to this record (one record)."""
        raise NotImplementedError(
            f"{self._name} uses hospital.sla.mixin: it must say how long each "
            "clock may run in _hospital_sla_hours()."
        )

    def _hospital_sla_running(self):
        """Whether the clocks of this record (one record) may run at all."""
        return True

    @api.model
    def _hospital_sla_fixture(self):
        """A new record whose clocks run, for the suite's generic SLA test."""
        return self.browse()

    # ------------------------------------------------------------ computes
    def _hospital_sla_fields(self):
        """Every field the clocks own: written by transitions only."""
        names = {"paused_since", "paused_hours", "sla_due_at", "is_breached"}
        names.add(self._hospital_sla_start_field)
        for spec in self._hospital_sla_clocks.values():
            names.update(spec.values())
        return names

    def _hospital_sla_deadline_depends(self):
        return [
            self._hospital_sla_start_field,
            "paused_hours",
            *self._hospital_sla_hours_depends,
        ]

    def _hospital_sla_due_depends(self):
        return [
            "paused_since",
            *(
                spec[key]
                for spec in self._hospital_sla_clocks.values()
                for key in ("deadline", "stop")
            ),
            *self._hospital_sla_running_depends,
        ]

    @api.depends(lambda self: self._hospital_sla_deadline_depends())
    def _compute_hospital_sla_deadlines(self):
        for record in self:
            start = record[record._hospital_sla_start_field]
            hours = record._hospital_sla_hours() if start else {}
            for clock, spec in record._hospital_sla_clocks.items():
                record[spec["deadline"]] = sla_deadline(
                    start, hours.get(clock), record.paused_hours
                )

    def _hospital_sla_running_deadlines(self):
        """Deadlines of this record (one record) that still run."""
        self.ensure_one()
        if self.paused_since or not self._hospital_sla_running():
            return []
        return [
            self[spec["deadline"]]
            for spec in self._hospital_sla_clocks.values()
            if not self[spec["stop"]] and self[spec["deadline"]]
        ]

    @api.depends(lambda self: self._hospital_sla_due_depends())
    def _compute_sla_due_at(self):
        for record in self:
            record.sla_due_at = min(
                record._hospital_sla_running_deadlines(), default=False
            )

    # ------------------------------------------------------------ measures
    def _hospital_sla_elapsed(self, at=None):
        """Hours the clocks of this record ran until ``at`` (default: now)."""
        self.ensure_one()
        start = self[self._hospital_sla_start_field]
        if not start:
            return 0.0
        return sla_elapsed(
            start, at or fields.Datetime.now(), self.paused_hours, self.paused_since
        )

    def _hospital_sla_on_time(self, clock, at):
        """Whether ``clock`` stopping at ``at`` keeps its promise."""
        self.ensure_one()
        deadline = self[self._hospital_sla_clocks[clock]["deadline"]]
        return not deadline or at <= deadline

    # --------------------------------------- steps, called from transitions
    def _hospital_sla_stop(self, clock, at=None):
        """Stop ``clock``: stamp when, measure it, flag it if late."""
        at = at or fields.Datetime.now()
        spec = self._hospital_sla_clocks[clock]
        for record in self:
            on_time = record._hospital_sla_on_time(clock, at)
            vals = {spec["stop"]: at}
            if spec.get("measure"):
                vals[spec["measure"]] = record._hospital_sla_elapsed(at)
            if spec.get("on_time"):
                vals[spec["on_time"]] = 100.0 if on_time else 0.0
            if not on_time:
                vals["is_breached"] = True
            record.write(vals)

    def _hospital_sla_restart(self, clock):
        """Let ``clock`` run again, against the deadline it had."""
        self.write({self._hospital_sla_clocks[clock]["stop"]: False})

    def _hospital_sla_pause(self, at=None):
        """Stop every clock until ``_hospital_sla_resume``."""
        self.filtered(lambda r: not r.paused_since).write(
            {"paused_since": at or fields.Datetime.now()}
        )

    def _hospital_sla_resume(self, at=None):
        """Restart the clocks; the pause is given back to every deadline."""
        at = at or fields.Datetime.now()
        for record in self.filtered("paused_since"):
            record.write(
                {
                    "paused_hours": record.paused_hours
                    + max((at - record.paused_since) / HOUR, 0.0),
                    "paused_since": False,
                }
            )

    @api.model
    @hospital_transition
    def _hospital_sla_flag_breaches(self, at=None):
        """Flag every document whose running deadline has passed; return them.

        One search on indexed columns, one bulk write: a cron step.
        """
        late = self.search(
            [
                ("sla_due_at", "<", at or fields.Datetime.now()),
                ("is_breached", "=", False),
            ]
        )
        late.with_context(tracking_disable=True).write({"is_breached": True})
        return late

    # ------------------------------------------------------------ guards
    def _hospital_guarded_fields(self):
        return (super()._hospital_guarded_fields() | self._hospital_sla_fields()) - set(
            self._hospital_direct_edits
        )

    def _hospital_content_fields(self, fnames):
        return super()._hospital_content_fields(fnames) - self._hospital_sla_fields()
