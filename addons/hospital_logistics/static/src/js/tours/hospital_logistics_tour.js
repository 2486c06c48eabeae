import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_logistics_overview", {
    steps: () => [
        {
            content: "The overview shows the critical area with its badge",
            trigger: ".o_kanban_record:contains('Tour ICU') .badge:contains('Critical area')",
        },
        {
            content: "Switch to the list of departments",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the ICU",
            trigger: ".o_data_row td:contains('Tour ICU')",
            run: "click",
        },
        {
            content: "The hospital section of the department is there",
            trigger: ".o_form_view .o_field_widget[name='is_critical_area'] input:checked",
        },
    ],
});
