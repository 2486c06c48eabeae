import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_laundry_collect", {
    steps: () => [
        {
            content: "Add a line to the slip",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the item type",
            trigger: ".o_field_widget[name=item_type_id] input",
            run: "edit Bed Sheet",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Bed Sheet')",
            run: "click",
        },
        {
            content: "Count the sheets collected",
            trigger: ".o_field_widget[name=collected_qty] input",
            run: "edit 25",
        },
        {
            content: "Collected",
            trigger: "button[name=action_collect]",
            run: "click",
        },
        {
            content: "The slip is collected",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Collected')",
        },
    ],
});
