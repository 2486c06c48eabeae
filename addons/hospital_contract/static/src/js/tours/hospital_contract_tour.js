import { registry } from "@web/core/registry";

function sign(field) {
    return [
        {
            content: `Open the signature pad of ${field}`,
            trigger: `.o_field_widget[name=${field}] .o_signature`,
            run: "click",
        },
        {
            content: "Adopt the signature the pad wrote with the user's name",
            trigger: ".modal footer .btn-primary:contains('Adopt'):enabled",
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=${field}] img.o_signature`,
        },
    ];
}

registry.category("web_tour.tours").add("hospital_contract_flow", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=title] input",
            run: "edit Tour cleaning contract",
        },
        {
            trigger: ".o_field_widget[name=type_id] input",
            run: "edit Tour Services",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Services')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Cleaning",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Cleaning Co.')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 80000",
        },
        {
            trigger: ".o_field_widget[name=date_end] input",
            run: "edit 06/30/2028",
        },
        {
            content: "Submit it for countersigning",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The related department countersigns",
            trigger: "button[name=action_countersign_mine]",
            run: "click",
        },
        ...sign("signature"),
        {
            trigger: ".modal footer button[name=action_agree]",
            run: "click",
        },
        {
            content: "The president approves",
            trigger: "body:not(:has(.modal)) button[name=action_approve]",
            run: "click",
        },
        {
            trigger: "a.nav-link:contains('Signing and Seal')",
            run: "click",
        },
        ...sign("hospital_signature"),
        {
            content: "The legal representative signs; the seal is logged",
            trigger: "button[name=action_sign]",
            run: "click",
        },
        {
            content: "File the signed contract",
            trigger: "button[name=action_archive_contract]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Archived')",
        },
    ],
});
