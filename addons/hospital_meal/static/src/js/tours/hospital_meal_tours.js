import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_meal_order", {
    steps: () => [
        {
            content: "Choose the ward",
            trigger: ".o_field_widget[name=department_id] input",
            run: "edit Tour Ward",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Ward')",
            run: "click",
        },
        {
            content: "The occupied beds are on the order",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td:contains('Tour Patient')",
        },
        {
            content: "Two portions for this patient",
            trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=quantity]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=quantity] input",
            run: "edit 2",
        },
        {
            content: "Submit to the canteen",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The order is submitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
        },
    ],
});
