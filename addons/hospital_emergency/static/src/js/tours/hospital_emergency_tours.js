import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_emergency_drill", {
    steps: () => [
        {
            content: "Write the findings of the drill",
            trigger: ".o_field_widget[name=findings] textarea",
            run: "edit The generator started after 40 seconds.",
        },
        {
            content: "Record the drill as done",
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            content: "The drill is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
