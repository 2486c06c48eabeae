import functools

from odoo import api, models
from odoo.exceptions import UserError

# The key that opens a document's workflow fields.  Any caller of the web
# client or of RPC can put any JSON value in the context; nobody can put this
# object there, so only Python code of the suite holds the key.
_TRANSITION = object()

# Fields every document has that say nothing of its content: the chatter, the
# activities, the attachments shown beside it.
_BOOKKEEPING_PREFIXES = ("message_", "activity_", "website_message_", "rating_")
ALL_FIELDS = "__all__"


def hospital_transition(method):
    """Mark a method as a transition of its document: inside it, and only
    there, the document's workflow fields may change.

    A button is a transition; so is a cron step.  Everything else (a direct
    ``write``/``create`` by RPC, an import, a form save) is refused by
    :class:`HospitalWorkflowMixin`.
    """

    @functools.wraps(method)
    def transition(self, *args, **kwargs):
        return method(with_transition_key(self), *args, **kwargs)

    transition.hospital_transition = True
    return transition


def with_transition_key(records):
    """``records``, allowed to change their workflow fields."""
    return records.with_context(hospital_transition=_TRANSITION)


def in_transition(env):
    """Whether ``env`` holds the key: a transition of the suite, or the
    superuser."""
    return env.su or env.context.get("hospital_transition") is _TRANSITION


class HospitalWorkflowMixin(models.AbstractModel):
    """A document that moves only through its buttons.

    The document declares

    - ``_hospital_workflow_fields``: fields (its state, the stamps of its
      signatures and approvals) that only its transitions change — methods
      decorated with :func:`hospital_transition`;
    - ``_hospital_editable_states``: ``{state: ALL_FIELDS or (field, ...)}``,
      what its content is open to in each state.  A state that is not listed
      freezes the content.  ``None`` (the default) leaves content open;
    - ``_hospital_free_fields``: fields open in any state (a note, ``active``);
    - ``_hospital_direct_edits``: ``{field: why}``, workflow-looking fields
      that a user may edit directly on purpose, for the suite-wide state test;
    - ``_hospital_sequence_code``: the ``ir.sequence`` code that numbers a
      new document (its ``name``), per company, when none is given.

    The superuser (data files, ``sudo()`` in the suite's own code) is not
    refused: no RPC caller can become it.
    """

    _name = "hospital.workflow.mixin"
    _description = "Hospital Document Moved by Its Buttons"

    _hospital_state_field = "state"
    _hospital_workflow_fields = ("state",)
    _hospital_editable_states = None
    _hospital_free_fields = ("active",)
    _hospital_direct_edits = {}
    _hospital_sequence_code = None

    # ------------------------------------------------------------- the key
    def _hospital_transition(self):
        """This recordset, allowed to change its workflow fields."""
        return with_transition_key(self)

    def _hospital_in_transition(self):
        return in_transition(self.env)

    # ------------------------------------------------------------- guards
    @api.model_create_multi
    def create(self, vals_list):
        if not self._hospital_in_transition():
            for vals in vals_list:
                self._hospital_check_create(vals)
        if self._hospital_sequence_code:
            self._hospital_number(vals_list)
        return super().create(vals_list)

    @api.model
    def _hospital_number(self, vals_list):
        """Give each new document without a number (``name`` missing or
        ``"/"``) the next one of its company's sequence.  Runs after the
        create guard: the number is the suite's, never the caller's.  A batch
        (a count posting drafts hundreds of loss reports) draws its numbers
        in one query per company instead of one per document."""
        unnamed = {}
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = vals.get("company_id") or self.env.company.id
                unnamed.setdefault(company, []).append(vals)
        Sequence = self.env["ir.sequence"].sudo()
        for company_id, batch in unnamed.items():
            company = self.env["res.company"].browse(company_id)
            names = self._hospital_next_numbers(
                Sequence.with_company(company), len(batch)
            )
            for vals, name in zip(batch, names, strict=True):
                vals["name"] = name or "/"

    @api.model
    def _hospital_next_numbers(self, Sequence, count):
        """``count`` successive numbers of the document's sequence: one query
        for all of them when it is a plain PostgreSQL sequence."""
        code = self._hospital_sequence_code
        if count == 1:
            return [Sequence.next_by_code(code)]
        sequence = Sequence.search(
            [
                ("code", "=", code),
                ("company_id", "in", [Sequence.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [Sequence.next_by_code(code) for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        return [sequence.get_next_char(value) for (value,) in self.env.cr.fetchall()]

    def write(self, vals):
        if not self._hospital_in_transition():
            self._hospital_check_write(vals)
        return super().write(vals)

    def _hospital_check_create(self, vals):
        self._hospital_check_workflow_create(vals)

    def _hospital_check_write(self, vals):
        self._hospital_check_workflow_write(vals)
        content = self._hospital_content_fields(vals)
        if content:
            self._hospital_check_content_editable(content)

    def _hospital_guarded_fields(self):
        return set(self._hospital_workflow_fields) - set(self._hospital_direct_edits)

    def _hospital_state_label(self):
        """The document's state as its users read it, in their language."""
        self.ensure_one()
        fname = self._hospital_state_field
        state = self[fname]
        labels = dict(self._fields[fname]._description_selection(self.env))
        return labels.get(state, state)

    def _hospital_check_state(self, *states):
        """Refuse a button of a document that is not in one of ``states``:
        the first line of the suite's buttons."""
        for record in self:
            state = record[record._hospital_state_field]
            if state not in states:
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: this step is not possible now.",
                        document=record.display_name,
                        state=record._hospital_state_label(),
                    )
                )

    def _hospital_check_workflow_create(self, vals):
        """A new document starts where its buttons start it: a workflow field
        may be given only with its default value (the web form sends it).

        The default is the one of the code: a caller also chooses the
        context's ``default_<field>`` keys and can save personal defaults
        (``ir.default``), so a workflow field left out of ``vals`` is set to
        the code's default here rather than taken from either.
        """
        for fname in self._hospital_guarded_fields():
            field = self._fields[fname]
            if field.compute:
                continue
            default = field.convert_to_cache(
                field.default(self) if field.default else False, self, validate=False
            )
            if fname not in vals:
                vals[fname] = field.convert_to_write(
                    field.convert_to_record(default, self), self
                )
                continue
            given = field.convert_to_cache(vals[fname], self, validate=False)
            if given != default and (given or default):
                self._hospital_raise_workflow_field(fname)

    def _hospital_check_workflow_write(self, vals):
        for fname in self._hospital_guarded_fields() & set(vals):
            field = self._fields[fname]
            for record in self:
                given = field.convert_to_cache(vals[fname], record, validate=False)
                current = field.convert_to_cache(record[fname], record, validate=False)
                if given != current and (given or current):
                    record._hospital_raise_workflow_field(fname)

    def _hospital_raise_workflow_field(self, fname):
        raise UserError(
            self.env._(
                "“%(field)s” of %(document)s changes only through the buttons of "
                "the form (submit, approve, sign...), never by editing it directly.",
                field=self._fields[fname].get_description(self.env)["string"],
                document=self.display_name or self._description,
            )
        )

    def _hospital_content_fields(self, fnames):
        """The fields among ``fnames`` that are the document's content."""
        return {
            fname
            for fname in fnames
            if fname not in self._hospital_workflow_fields
            and fname not in self._hospital_free_fields
            and not fname.startswith(_BOOKKEEPING_PREFIXES)
        }

    def _hospital_check_content_editable(self, fnames):
        """Refuse a change of ``fnames`` on a document whose state, or a
        signature given on it, has frozen them.  Lines call it on their
        document with their own field names prefixed by the one2many."""
        if self._hospital_editable_states is None:
            return
        for record in self:
            state = record[record._hospital_state_field]
            open_fields = record._hospital_editable_states.get(state, ())
            if open_fields == ALL_FIELDS:
                continue
            frozen = set(fnames) - set(open_fields)
            if frozen:
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: %(fields)s can no longer change.",
                        document=record.display_name,
                        state=record._hospital_state_label(),
                        fields=", ".join(sorted(record._hospital_field_labels(frozen))),
                    )
                )

    def _hospital_field_labels(self, fnames):
        labels = []
        for fname in fnames:
            base, _dot, sub = fname.partition(".")
            field = self._fields.get(base)
            if field is None:
                labels.append(fname)
                continue
            label = field.get_description(self.env)["string"]
            if sub and field.comodel_name:
                subfield = self.env[field.comodel_name]._fields.get(sub)
                if subfield:
                    label = f"{label} / {subfield.get_description(self.env)['string']}"
            labels.append(label)
        return labels


class HospitalWorkflowLineMixin(models.AbstractModel):
    """A line of a document moved by its buttons: its create, write and
    unlink are changes of the document's content, checked on the document.

    The line declares ``_hospital_document_field`` (its many2one to the
    document); its fields are named ``<one2many>.<field>`` on the document's
    ``_hospital_editable_states``.  Figures that come from counts and books
    are declared in ``_hospital_workflow_fields`` of the line: only the
    document's transitions write them.
    """

    _name = "hospital.workflow.line.mixin"
    _inherit = ["hospital.workflow.mixin"]
    _description = "Line of a Hospital Document Moved by Its Buttons"

    _hospital_document_field = None
    _hospital_workflow_fields = ()
    _hospital_free_fields = ()

    def _hospital_line_path(self):
        document = self.env[self._fields[self._hospital_document_field].comodel_name]
        for name, field in document._fields.items():
            if (
                field.type == "one2many"
                and field.comodel_name == self._name
                and field.inverse_name == self._hospital_document_field
            ):
                return name
        return self._hospital_document_field

    def _hospital_check_document(self, documents, fnames):
        path = self._hospital_line_path()
        content = {f"{path}.{fname}" for fname in self._hospital_content_fields(fnames)}
        if content:
            documents._hospital_check_content_editable(content)

    def _hospital_check_create(self, vals):
        self._hospital_check_workflow_create(vals)
        field = self._fields[self._hospital_document_field]
        documents = self.env[field.comodel_name].browse(
            vals.get(self._hospital_document_field)
        )
        self._hospital_check_document(documents.exists(), vals)

    def _hospital_check_write(self, vals):
        self._hospital_check_workflow_write(vals)
        documents = self[self._hospital_document_field]
        if self._hospital_document_field in vals:
            documents |= documents.browse(vals[self._hospital_document_field])
        self._hospital_check_document(documents, vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_document_frozen(self):
        if not self._hospital_in_transition():
            self._hospital_check_document(
                self[self._hospital_document_field], set(self._fields)
            )
