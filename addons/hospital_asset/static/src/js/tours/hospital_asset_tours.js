import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_asset_count", {
    steps: () => [
        {
            content: "Start counting: the sheet lists the department's assets",
            trigger: "button[name=action_start]",
            run: "click",
        },
        {
            content: "Tick an asset found in its room",
            trigger: ".o_data_row:contains('Infusion pump') button[name=action_found]",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Infusion pump') td[name=result]:contains('Found')",
        },
        {
            content: "Counting is over: the rest is missing",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The managing department approves the results",
            trigger: "button[name=action_approve]",
            run: "click",
        },
        {
            content: "Post the differences",
            trigger: "button[name=action_post]",
            run: "click",
        },
        {
            content: "The count is posted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Posted')",
        },
    ],
});

registry.category("web_tour.tours").add("hospital_asset_scrap", {
    steps: () => [
        {
            content: "Choose the asset to scrap",
            trigger: ".o_field_widget[name=equipment_id] input",
            run: "edit Infusion",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Infusion pump')",
            run: "click",
        },
        {
            content: "The asset's data fills the request",
            trigger: ".o_field_widget[name=item_name] input:value(Infusion pump)",
        },
        {
            content: "Say why it is scrapped",
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit Motor burnt out, beyond economical repair",
        },
        {
            content: "Submit the request to the managing department",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "The request waits for verification",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('To Verify')",
        },
    ],
});
