import { registry } from "@web/core/registry";

// The warehouse consolidates the month's plans and submits them.
registry.category("web_tour.tours").add("hospital_purchase_consolidate", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour month plans",
        },
        {
            content: "Sum every department's submitted plan by item",
            trigger: "button[name=action_consolidate]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Tour CT contrast injector')",
        },
        {
            content: "Send the consolidation to the director",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Waiting for the Director')",
        },
    ],
});

// The director approves the month.
registry.category("web_tour.tours").add("hospital_purchase_approve", {
    steps: () => [
        {
            trigger: "button[name=action_approve]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});

// Purchasing turns the item above the threshold into a tender and calls for bids.
registry.category("web_tour.tours").add("hospital_purchase_call", {
    steps: () => [
        {
            content: "The injector is bought through a tender",
            trigger: ".o_data_row:contains('Tour CT contrast injector') button[name=action_make_tender]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=opening_date] input",
            run: "edit 12/31/2030 10:00:00",
        },
        {
            trigger: "button[name=action_publish]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Receiving Bids')",
        },
    ],
});

// Bids are in: purchasing opens them, the manager awards the best.
registry.category("web_tour.tours").add("hospital_purchase_award", {
    steps: () => [
        {
            trigger: "button[name=action_open_bids]",
            run: "click",
        },
        {
            trigger: "button[name=action_award]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Awarded')",
        },
    ],
});
