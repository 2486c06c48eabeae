import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_qualification_training", {
    steps: () => [
        {
            content: "The attendee passed the re-examination",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Tour Electrician')",
        },
        {
            content: "The logistics office closes the session",
            trigger: "button[name=action_close]",
            run: "click",
        },
        {
            content: "The session is closed and the licence renewed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
    ],
});
