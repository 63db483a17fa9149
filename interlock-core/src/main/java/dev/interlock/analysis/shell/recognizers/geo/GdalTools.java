package dev.interlock.analysis.shell.recognizers.geo;

import static dev.interlock.analysis.shell.recognizers.geo.GdalArgs.NUMBERS;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.geo.GdalDatasets.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GDAL's and OGR's programs by where their datasets sit on the command line: readers ({@code gdalinfo}, {@code ogrinfo})
 * read every dataset they name; converters read their sources and write their destination (the first positional of
 * {@code ogr2ogr}, the last of {@code gdal_translate}/{@code gdalwarp}, {@code -o} of {@code gdal_merge.py}); in-place
 * tools ({@code gdaladdo}, {@code gdal_edit.py}) change the dataset they name. {@code -overwrite} and
 * {@code -lco OVERWRITE=YES} replace the destination layer, {@code -append}/{@code -update} add to it.
 */
final class GdalTools {

    private GdalTools() {
    }

    static final Set<String> READERS = Set.of("gdalinfo", "ogrinfo", "gdalsrsinfo", "gdallocationinfo", "gdalmdiminfo",
            "gdal-config", "ogrtindex-info", "gdalcompare", "gdalcompare.py", "gdal_ls", "gdal_ls.py");
    /** Source datasets first, the destination last. */
    static final Set<String> LAST_IS_OUTPUT = Set.of("gdal_translate", "gdalwarp", "gdal_rasterize", "gdal_grid",
            "gdal_contour", "gdal_viewshed", "gdal_footprint", "gdal_polygonize", "gdal_polygonize.py", "gdal_sieve",
            "gdal_sieve.py", "gdal_fillnodata", "gdal_fillnodata.py", "gdal_proximity", "gdal_proximity.py",
            "gdalmdimtranslate", "rgb2pct", "rgb2pct.py", "pct2rgb", "pct2rgb.py", "gdal2xyz", "gdal2xyz.py");
    /** The destination first ({@code gdalbuildvrt out.vrt *.tif}). */
    static final Set<String> FIRST_IS_OUTPUT = Set.of("ogr2ogr", "gdalbuildvrt", "gdaltindex", "ogrtindex", "gdal2tiles",
            "gdal2tiles.py");
    /** The destination is an option's value ({@code -o}, {@code --outfile}). */
    static final Set<String> OPTION_IS_OUTPUT = Set.of("gdal_merge", "gdal_merge.py", "ogrmerge", "ogrmerge.py", "nearblack",
            "gdal_calc", "gdal_calc.py", "gdal_pansharpen", "gdal_pansharpen.py");
    /** Change the dataset they name in place. */
    static final Set<String> IN_PLACE = Set.of("gdaladdo", "gdal_edit", "gdal_edit.py", "gdalsrsinfo-set");

    /** Options and how many values each takes (GdalArgs.NUMBERS: up to that many numbers). */
    private static final Map<String, Integer> ARITY = arity();

    private static Map<String, Integer> arity() {
        Map<String, Integer> a = new HashMap<>();
        for (String f : ("-f -of -ot -nln -nlt -sql -dialect -where -select -t_srs -s_srs -a_srs -lco -dsco -oo -doo -co -mo"
                + " -fid -mapFieldType -fieldmap -zfield -spat_srs -geomfield -ct -dim -xyRes -zRes -mRes -limit -order"
                + " -datelineoffset -maxsubfields -fieldTypeToString -a_coord_epoch -s_coord_epoch -t_coord_epoch"
                + " -clipsrclayer -clipsrcsql -clipsrcwhere -clipdstlayer -clipdstsql -clipdstwhere -simplify -segmentize"
                + " -gt -b -mask -expand -r -exponent -projwin_srs -a_nodata -a_offset -a_scale -colorinterp -if"
                + " -ovr -wo -wt -srcnodata -dstnodata -wm -cutline -cl -cwhere -csql -cblend -setci -et -refine_gcps"
                + " -srcband -dstband -te_srs -to -burn -a -l -init -optim -i -o -z -p -co -tileindex -resolution"
                + " -input_file_list -sd -vrtnodata -src_srs_name -src_srs_format -tileindex -t_srs -lyr_name -mdd"
                + " -nln -nodata -color -fieldname -off -interval -fl -e -s -alg -txe -tye -outsize -ts -tr -spat -te"
                + " -srcwin -projwin -a_ullr -clipsrc -clipdst -gcp -scale -a_gt --outfile --calc --optfile --debug -A -B -C"
                + " -md -st -mask -si -threshold -md -c -oz -ox -oy -vv -iv -ov -cc -tile_size -w -zoom -resampling"
                + " -s_srs -profile -webviewer -title -copyright -googlekey -bingkey -processes -tiledriver -xyz"
                + " -layer -layer_name_template -src_geom_type -src_layer_field_name -src_layer_field_content").split(" ")) {
            a.put(f, 1);
        }
        for (String f : "-outsize -ts -tr -txe -tye".split(" ")) {
            a.put(f, 2);
        }
        for (String f : "-spat -te -srcwin -projwin -a_ullr".split(" ")) {
            a.put(f, 4);
        }
        for (String f : "-clipsrc -clipdst".split(" ")) {
            a.put(f, 1);
        }
        a.put("-gcp", NUMBERS * 5);
        a.put("-scale", NUMBERS * 4);
        a.put("-a_gt", 6);
        for (String f : "-webviewer -xyz".split(" ")) {
            a.remove(f);
        }
        return Map.copyOf(a);
    }

    static List<String> programs() {
        List<String> all = new ArrayList<>();
        all.addAll(READERS);
        all.addAll(LAST_IS_OUTPUT);
        all.addAll(FIRST_IS_OUTPUT);
        all.addAll(OPTION_IS_OUTPUT);
        all.addAll(IN_PLACE);
        all.add("gdaldem");
        all.add("gdalmanage");
        return all;
    }

    static List<dev.interlock.model.Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        GdalArgs a = GdalArgs.scan(inv.words(), ARITY);
        List<String> pos = a.positionals();
        String sql = a.value("-sql").orElse("");
        List<dev.interlock.model.Operation> ops = new ArrayList<>();
        if (READERS.contains(program)) {
            for (String p : pos) {
                ops.addAll(GdalDatasets.read(inv, nested, p, program.equals("ogrinfo") ? sql : ""));
                if (program.equals("ogrinfo")) {
                    break; // the rest are layer names
                }
            }
            return ops;
        }
        if (program.equals("gdalmanage")) {
            String verb = pos.isEmpty() ? "" : pos.getFirst();
            List<String> rest = pos.size() > 1 ? pos.subList(1, pos.size()) : List.of();
            switch (verb) {
                case "delete" -> rest.forEach(d -> ops.addAll(GdalDatasets.write(inv, nested, d, GdalDatasets.layerOf(d), Write.OVERWRITE, "")));
                case "copy", "rename" -> {
                    if (rest.size() >= 2) {
                        ops.addAll(GdalDatasets.read(inv, nested, rest.getFirst(), ""));
                        ops.addAll(GdalDatasets.write(inv, nested, rest.get(1), GdalDatasets.layerOf(rest.get(1)), Write.CREATE, rest.getFirst()));
                        if (verb.equals("rename")) {
                            ops.addAll(GdalDatasets.write(inv, nested, rest.getFirst(), GdalDatasets.layerOf(rest.getFirst()), Write.OVERWRITE, ""));
                        }
                    }
                }
                default -> rest.forEach(d -> ops.addAll(GdalDatasets.read(inv, nested, d, "")));
            }
            return ops;
        }
        if (IN_PLACE.contains(program)) {
            String dataset = program.startsWith("gdal_edit") ? pos.isEmpty() ? "" : pos.getLast() : pos.isEmpty() ? "" : pos.getFirst();
            return GdalDatasets.write(inv, nested, dataset, GdalDatasets.layerOf(dataset), Write.APPEND, "");
        }
        String output;
        List<String> sources;
        List<String> layers = List.of();
        if (OPTION_IS_OUTPUT.contains(program)) {
            output = a.value("-o", "--outfile").orElse("");
            sources = program.startsWith("gdal_calc") ? calcInputs(a) : pos;
        } else if (FIRST_IS_OUTPUT.contains(program)) {
            if (program.startsWith("gdal2tiles")) {
                output = pos.size() > 1 ? pos.get(1) : "";
                sources = pos.isEmpty() ? List.of() : List.of(pos.getFirst());
            } else {
                output = pos.isEmpty() ? "" : pos.getFirst();
                sources = program.equals("ogr2ogr") ? pos.size() > 1 ? List.of(pos.get(1)) : List.of()
                        : pos.size() > 1 ? pos.subList(1, pos.size()) : List.of();
                layers = program.equals("ogr2ogr") && pos.size() > 2 ? pos.subList(2, pos.size()) : List.of();
            }
        } else {
            List<String> files = program.equals("gdaldem") && !pos.isEmpty() ? pos.subList(1, pos.size()) : pos;
            if (program.equals("gdaldem") && !pos.isEmpty() && pos.getFirst().equals("color-relief") && files.size() == 3) {
                files = List.of(files.get(0), files.get(2));
            }
            output = files.isEmpty() ? "" : files.getLast();
            sources = files.size() > 1 ? files.subList(0, files.size() - 1) : List.of();
        }
        for (String s : sources) {
            ops.addAll(GdalDatasets.read(inv, nested, s, program.equals("ogr2ogr") ? sql : "", layers.isEmpty() ? "" : layers.getFirst(), output));
        }
        Write how = a.has("-overwrite", "--overwrite") || a.option("OVERWRITE", "-lco").map(v -> v.equalsIgnoreCase("YES")).orElse(false)
                ? Write.OVERWRITE : a.has("-append", "-upsert", "-update", "--append", "--update") ? Write.APPEND : Write.CREATE;
        String source = sources.isEmpty() ? "" : sources.getFirst();
        String layer = a.value("-nln", "-lyr_name", "-layer").orElse(layers.isEmpty() ? source.isEmpty() ? "layer" : GdalDatasets.layerOf(source) : layers.getFirst());
        String schema = a.option("SCHEMA", "-lco").orElse("");
        if (!schema.isEmpty() && !layer.contains(".")) {
            layer = schema + "." + layer;
        }
        ops.addAll(GdalDatasets.write(inv, nested, output, layer, how, source));
        return ops;
    }

    /** gdal_calc.py's inputs: {@code -A file}, {@code -B file}, … and {@code --A_band}'s files are the same. */
    private static List<String> calcInputs(GdalArgs a) {
        List<String> in = new ArrayList<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            a.value("-" + c).ifPresent(in::add);
        }
        return in;
    }
}
