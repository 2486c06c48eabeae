from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HospitalPurchaseTenderScore(models.Model):
    """One member's score of one bid on one criterion (评分表)."""

    _name = "hospital.purchase.tender.score"
    _description = "Tender Bid Score"
    _inherit = ["hospital.workflow.line.mixin"]
    _hospital_document_field = "tender_id"
    _hospital_workflow_fields = ("member_id",)

    tender_id = fields.Many2one(
        "hospital.purchase.tender", required=True, ondelete="cascade", index=True
    )
    member_id = fields.Many2one(
        "hospital.purchase.tender.member", readonly=True, ondelete="restrict"
    )
    order_id = fields.Many2one(
        "purchase.order",
        string="Bid",
        required=True,
        ondelete="cascade",
        domain="[('hospital_tender_id', '=', tender_id)]",
    )
    criterion_id = fields.Many2one(
        "hospital.purchase.tender.criterion",
        required=True,
        ondelete="cascade",
        domain="[('tender_id', '=', tender_id)]",
    )
    score = fields.Float(help="From 0 to 100.")

    _unique = models.Constraint(
        "UNIQUE(member_id, order_id, criterion_id)",
        "A member scores a bid once per criterion.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """The scorer is the member logged in: a non-member, or a member who
        declared a conflict of interest or nothing yet, does not score."""
        Tender = self.env["hospital.purchase.tender"]
        for vals in vals_list:
            tender = Tender.browse(vals.get("tender_id"))
            if tender.state != "opened":
                raise UserError(
                    self.env._(
                        "Bids are scored once they are opened, before the award."
                    )
                )
            member = tender.member_ids.filtered(lambda m: m.user_id == self.env.user)
            if self.env.su and vals.get("member_id"):
                member = tender.member_ids.browse(vals["member_id"])
            if not member:
                raise UserError(
                    self.env._(
                        "%(user)s is not on the evaluation committee of %(tender)s "
                        "and cannot score its bids.",
                        user=self.env.user.name,
                        tender=tender.display_name,
                    )
                )
            if member.declaration != "none":
                raise UserError(
                    self.env._(
                        "Declare the absence of any conflict of interest before "
                        "scoring; a member with a conflict withdraws."
                    )
                )
            vals["member_id"] = member.id
        # The scorer is a member (checked above), from any department: the
        # score is created for him whatever his other rights.
        scores = super(
            HospitalPurchaseTenderScore, self.sudo()._hospital_transition()
        ).create(vals_list)
        return scores.with_env(self.env)

    @api.constrains("score", "order_id", "criterion_id")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= 100:
                raise ValidationError(self.env._("A score lies between 0 and 100."))
            if line.order_id.hospital_tender_id != line.tender_id or (
                line.criterion_id.tender_id != line.tender_id
            ):
                raise ValidationError(
                    self.env._("A score rates a bid of its tender on its criteria.")
                )
