import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_outsourcing_scorecard", {
    steps: () => [
        {
            content: "Open the vendor's scorecard of the quarter",
            trigger: ".o_data_row .o_data_cell:contains('Tour Lift Co.')",
            run: "click",
        },
        {
            content: "Score the quarter from tickets, inspections and surveys",
            trigger: "button[name=action_compute]",
            run: "click",
        },
        {
            content: "The score is computed",
            trigger: ".o_field_widget[name=score]:contains('100.00')",
        },
        {
            content: "Review and sign",
            trigger: "a.nav-link:contains('Review and Signature')",
            run: "click",
        },
        {
            content: "Open the signature pad",
            trigger: ".o_field_widget[name=manager_signature] .o_signature",
            run: "click",
        },
        {
            content: "Adopt the signature the pad wrote with the manager's name",
            trigger: ".modal footer .btn-primary:enabled",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name=manager_signature] img.o_signature",
        },
        {
            content: "Save the signature",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Sign the scorecard: the vendor sees it",
            trigger: "button[name=action_sign]",
            run: "click",
        },
        {
            content: "Lock the quarter",
            trigger: "button[name=action_lock]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal footer .btn-primary",
            run: "click",
        },
        {
            content: "The quarter is locked",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Locked')",
        },
    ],
});

registry.category("web_tour.tours").add("hospital_outsourcing_vendor_portal", {
    url: "/my",
    steps: () => [
        {
            content: "The vendor opens its inspections",
            trigger: "a[href='/my/outsourcing/inspections']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the inspection with a finding",
            trigger: "a[href^='/my/outsourcing/inspections/']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Say what was corrected",
            trigger: ".o_outsourcing_finding textarea[name=answer]",
            run: "edit Floor mopped again and a sign put up; cleaner retrained.",
        },
        {
            content: "Send the corrective action",
            trigger: ".o_outsourcing_finding button.o_outsourcing_answer",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The answer is shown on the finding",
            trigger: ".o_outsourcing_finding:contains('Floor mopped again')",
        },
    ],
});
