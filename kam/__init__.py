"""The KAM platform: plugins, bus, data and identity that every service plugs into."""
import warnings

# eventlet warns on import that it is in maintenance mode; nameko 2.14 depends on it by design.
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
