"""Odoo's command line, as the stress runs start it.

With workers, Odoo runs this same script again with ``gevent`` for its
websocket process.  On machines where a gevent plugin is registered by a
package whose requirements pkg_resources cannot resolve, that process dies at
start and Odoo respawns it every second, eating a core the load needs: the
plugin is skipped instead of killing the process.
"""

import sys

import gevent.events
import pkg_resources


def notify_and_call_entry_points(event):
    gevent.events.notify(event)
    for plugin in gevent.events.iter_entry_points(event.ENTRY_POINT_NAME):
        try:
            subscriber = plugin.load()
        except pkg_resources.DistributionNotFound:
            continue
        subscriber(event)


gevent.events.notify_and_call_entry_points = notify_and_call_entry_points

if __name__ == "__main__":
    from odoo.cli.command import main

    sys.exit(main())
