"""Marshmallow schemas of the customers service: HTTP/RPC payloads (`http`) and event contracts (`events`)."""
