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
            trigger: ".modal footer .btn-primary:enabled",
            run: "click",
        },
        {
            trigger: `body:not(:has(.modal)) .o_field_widget[name=${field}] img.o_signature`,
        },
    ];
}

registry.category("web_tour.tours").add("hospital_stock_requisition", {
    steps: () => [
        {
            content: "Add an item to the requisition",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=product_id] input",
            run: "edit Tour Gauze",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Gauze')",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=quantity] input",
            run: "edit 5",
        },
        {
            content: "Submit it to the department head",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "Waiting for the department head",
            trigger: "button[name=action_approve]",
        },
        {
            trigger: "a.nav-link:contains('Signatures')",
            run: "click",
        },
        ...sign("approver_signature"),
        {
            content: "The department head approves",
            trigger: "button[name=action_approve]",
            run: "click",
        },
        {
            trigger: "button[name=action_issue]",
        },
        {
            trigger: "a.nav-link:contains('Items')",
            run: "click",
        },
        {
            content: "The keeper enters the issued quantity",
            trigger: ".o_data_row td[name=qty_issued]",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=qty_issued] input",
            run: "edit 5",
        },
        {
            trigger: "a.nav-link:contains('Signatures')",
            run: "click",
        },
        ...sign("issuer_signature"),
        {
            content: "Issue the goods",
            trigger: "button[name=action_issue]",
            run: "click",
        },
        {
            content: "Issued: the receiver signs",
            trigger: "button[name=action_receive]",
        },
        ...sign("receiver_signature"),
        {
            content: "The ward confirms receipt",
            trigger: "button[name=action_receive]",
            run: "click",
        },
        {
            content: "The requisition is received and its slip can be printed",
            trigger: "button[name=action_print_slip]",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Received')",
        },
    ],
});

registry.category("web_tour.tours").add("hospital_stock_weekly_check", {
    steps: () => [
        {
            content: "Start the check: the ward's items are listed",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Enter what was counted",
            trigger: ".o_data_row:contains('Tour Gauze') td[name=counted_qty]",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=counted_qty] input",
            run: "edit 38",
        },
        ...sign("custodian_signature"),
        {
            content: "Close the check",
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            content: "The difference is recorded",
            trigger: ".o_field_widget[name=difference_count]:contains('1')",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Signed')",
        },
    ],
});

registry.category("web_tour.tours").add("hospital_stock_reconciliation", {
    steps: () => [
        {
            content: "Compute the month",
            trigger: "button[name=action_compute]",
            run: "click",
        },
        {
            content: "Explain the difference",
            trigger: ".o_data_row:contains('Tour Gauze') td[name=cause]",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=cause] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains('Used but not recorded')",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=explanation] textarea",
            run: "edit Used in a rescue, not recorded",
        },
        {
            trigger: "a.nav-link:contains('Signatures')",
            run: "click",
        },
        ...sign("custodian_signature"),
        ...sign("logistics_signature"),
        {
            content: "Lock the month",
            trigger: "button[name=action_lock]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Locked')",
        },
    ],
});
