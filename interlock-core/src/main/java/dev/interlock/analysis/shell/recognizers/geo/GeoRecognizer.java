package dev.interlock.analysis.shell.recognizers.geo;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The geospatial family: GDAL/OGR ({@link GdalTools}), PostGIS loaders ({@link PostGisLoaders}), tile tools ({@link TileTools}). */
public final class GeoRecognizer implements Recognizer {

    private static final Set<String> PROGRAMS = all();

    private static Set<String> all() {
        Set<String> all = new HashSet<>(GdalTools.programs());
        all.addAll(PostGisLoaders.PROGRAMS);
        all.addAll(TileTools.PROGRAMS);
        return Set.copyOf(all);
    }

    @Override
    public Set<String> programs() {
        return PROGRAMS;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (PostGisLoaders.PROGRAMS.contains(inv.program())) {
            return PostGisLoaders.recognize(inv, nested);
        }
        if (TileTools.PROGRAMS.contains(inv.program())) {
            return TileTools.recognize(inv, nested);
        }
        return GdalTools.recognize(inv, nested);
    }
}
