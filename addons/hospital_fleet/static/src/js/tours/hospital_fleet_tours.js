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

function status(label) {
    return {
        content: `The slip is ${label}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${label}')`,
    };
}

registry.category("web_tour.tours").add("hospital_fleet_dispatch", {
    steps: () => [
        {
            content: "The vehicle office dispatches the submitted request",
            trigger: "button[name=action_plan_trip]",
            run: "click",
        },
        {
            content: "Choose the vehicle",
            trigger: ".o_field_widget[name=vehicle_id] input",
            run: "edit TOUR-001",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('TOUR-001')",
            run: "click",
        },
        {
            content: "The vehicle is chosen",
            trigger: "body:not(:has(.o-autocomplete--dropdown-menu)) .o_field_widget[name=vehicle_kind]",
        },
        {
            content: "Choose the driver",
            trigger: ".o_field_widget[name=driver_id] input",
            run: "edit Tour Driver",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Driver')",
            run: "click",
        },
        {
            content: "Dispatch",
            trigger: "button[name=action_dispatch]",
            run: "click",
        },
        status("Dispatched"),
        {
            content: "The odometer when the vehicle leaves",
            trigger: ".o_field_widget[name=odometer_out] input",
            run: "edit 5000",
        },
        {
            trigger: "button[name=action_depart]",
            run: "click",
        },
        status("On the Road"),
        {
            content: "The odometer when it is back",
            trigger: ".o_field_widget[name=odometer_in] input",
            run: "edit 5042",
        },
        {
            trigger: "button[name=action_return]",
            run: "click",
        },
        status("Returned"),
        {
            trigger: "a.nav-link:contains('Signatures')",
            run: "click",
        },
        ...sign("dispatcher_signature"),
        ...sign("user_signature"),
        {
            content: "Close the slip",
            trigger: "button[name=action_close]",
            run: "click",
        },
        status("Closed"),
    ],
});
