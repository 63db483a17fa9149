/** Recognizers for geospatial tools (GDAL/OGR, the PostGIS loaders, osm2pgsql, tippecanoe, Mapbox's tilesets): which datasets a command reads and writes, and where each lives — a local file, a PostGIS database, a cloud bucket behind a GDAL virtual path, or Mapbox. */
package dev.interlock.analysis.shell.recognizers.geo;
