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

registry.category("web_tour.tours").add("hospital_kpi_workbook", {
    steps: () => [
        {
            content: "The quarter's evaluation is open",
            trigger: ".o_form_view .o_statusbar_status",
        },
        {
            content: "Download the quarter's Excel workbook as the Print menu does",
            trigger: ".o_form_view .o_field_widget[name='name']",
            run: async () => {
                const id = window.location.pathname.split("/").pop();
                const response = await fetch(`/report/xlsx/hospital_kpi.period_xlsx/${id}`);
                const type = response.headers.get("Content-Type") || "";
                const head = new Uint8Array(await response.arrayBuffer()).slice(0, 2);
                const zipped = head[0] === 0x50 && head[1] === 0x4b; // "PK"
                if (!response.ok || !type.includes("spreadsheetml") || !zipped) {
                    throw new Error(`workbook download failed: ${response.status} ${type}`);
                }
            },
        },
    ],
});
