import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_maintenance_qr_report", {
    steps: () => [
        {
            content: "The page knows where the QR code hangs",
            trigger: ".o_hospital_location:contains('805')",
        },
        {
            content: "Choose the service",
            trigger: "select[name='category_id']",
            run: "selectByLabel Plumbing",
        },
        {
            content: "Say what is wrong",
            trigger: "input[name='name']",
            run: "edit Tour: ceiling light broken",
        },
        {
            content: "Send",
            trigger: "button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is registered",
            trigger: ".o_hospital_report_done:contains('Tour: ceiling light broken')",
        },
    ],
});

registry.category("web_tour.tours").add("hospital_maintenance_dispatch", {
    steps: () => [
        {
            content: "Choose the technician",
            trigger: ".o_field_widget[name='user_id'] input",
            run: "edit Zhao",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Zhao Qiang')",
            run: "click",
        },
        {
            content: "Dispatch",
            trigger: "button[name='action_dispatch']",
            run: "click",
        },
        {
            content: "The request is dispatched",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Dispatched')",
        },
    ],
});

registry.category("web_tour.tours").add("hospital_maintenance_rate", {
    steps: () => [
        {
            content: "Confirm the completed work",
            trigger: "button[name='action_open_rating']",
            run: "click",
        },
        {
            content: "Give four stars",
            trigger: ".modal .o_field_widget[name='rating'] .o_priority_star:eq(3)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='comment'] textarea",
            run: "edit Fixed quickly",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The request is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
    ],
});
