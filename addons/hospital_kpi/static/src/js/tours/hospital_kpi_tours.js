import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hospital_kpi_dashboard", {
    steps: () => [
        {
            content: "The dashboard shows the current quarter's KPI cards",
            trigger: ".o_hospital_kpi_dashboard .o_kanban_record",
        },
        {
            content: "Red flags: the KPIs that miss their target",
            trigger: ".o_searchview_input",
            run: "click",
        },
        {
            trigger: ".o_filter_menu .o-dropdown-item:contains('Red Flags')",
            run: "click",
        },
        {
            content: "Switch to the trend graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The graph is drawn",
            trigger: ".o_graph_renderer canvas",
        },
    ],
});
