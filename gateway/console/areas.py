"""The console's areas each role may use (menu entries and the forms behind them), gathered from the
table each plugin declares (`ServicePlugin.console_areas`) and the gateway's own: no role list in the
console itself."""
GATEWAY_AREAS = (("users", ("admin",)),)


def build(plugins):
    """{area: roles} from the gateway and every plugin; an area declared twice takes both role lists."""
    areas = {}
    for area, roles in GATEWAY_AREAS + tuple(pair for plugin in plugins.values() for pair in plugin.console_areas):
        areas[area] = tuple(dict.fromkeys((*areas.get(area, ()), *roles)))
    return areas


def areas_of(role, areas):
    return [area for area, roles in areas.items() if role in roles]
