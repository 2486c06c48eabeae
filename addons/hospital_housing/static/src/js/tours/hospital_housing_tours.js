import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_housing_approve", {
    steps: () => [
        {
            content: "The dormitory office chooses a free bed",
            trigger: ".o_field_widget[name=bed_id] input",
            run: "edit TOURBED",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('TOURBED')",
            run: "click",
        },
        {
            content: "Approve and register the allocation",
            trigger: "body:not(:has(.o-autocomplete--dropdown-menu)) button[name=action_approve]",
            run: "click",
        },
        {
            content: "The application is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});
