"""What the packages ship of the library: one static archive, the public headers.

Bazel 4 has no rule for either: a cc_library's archive holds only its own
sources, and its headers include every internal one.
"""

def _merged_static_library_impl(ctx):
    archives = []
    for dep in ctx.attr.deps:
        for linker_input in dep[CcInfo].linking_context.linker_inputs.to_list():
            for lib in linker_input.libraries:
                # PIC objects, so that the archive may also go into a shared
                # object of the consumer's.
                archive = lib.pic_static_library or lib.static_library
                if archive and archive not in archives:
                    archives.append(archive)
    if not archives:
        fail("%s: no static archives in deps" % ctx.label)

    # An ar MRI script: members of every archive, in link order, in one.
    mri = ctx.actions.declare_file(ctx.label.name + ".mri")
    ctx.actions.write(mri, "\n".join(
        ["create " + ctx.outputs.out.path] +
        ["addlib " + a.path for a in archives] +
        ["save", "end", ""],
    ))
    ctx.actions.run_shell(
        inputs = archives + [mri],
        outputs = [ctx.outputs.out],
        command = "ar -M < %s && ranlib %s" % (mri.path, ctx.outputs.out.path),
        mnemonic = "MergeStaticLibrary",
        progress_message = "Merging %d archives into %s" % (len(archives), ctx.outputs.out.short_path),
    )
    return [DefaultInfo(
        files = depset([ctx.outputs.out]),
        runfiles = ctx.runfiles(files = [ctx.outputs.out]),
    )]

merged_static_library = rule(
    implementation = _merged_static_library_impl,
    attrs = {
        "deps": attr.label_list(providers = [CcInfo], mandatory = True),
        "out": attr.output(mandatory = True),
    },
    doc = """One static archive of every cc_library in deps' transitive closure.

    System libraries (@system) are only link flags, so they are not in it:
    scrub.pc names them.
    """,
)

def _public_headers_impl(ctx):
    headers = []
    for h in ctx.attr.lib[CcInfo].compilation_context.headers.to_list():
        # short_path is "lib/scrub/x.h" here and "../scrub/lib/scrub/x.h" in
        # another workspace; the path inside the repository is what counts.
        path = h.short_path
        if path.startswith("../"):
            path = path.split("/", 2)[2]
        for prefix in ctx.attr.prefixes:
            rest = path[len(prefix):] if path.startswith(prefix) else None
            if rest and "/" not in rest and rest.endswith(".h"):
                headers.append((path, h))

    # A manifest the packaging script reads: "<path in the repository> <runfiles path>".
    manifest = ctx.actions.declare_file(ctx.label.name + ".manifest")
    ctx.actions.write(manifest, "".join(["%s %s\n" % (p, h.short_path) for p, h in sorted(headers)]))
    files = [h for _, h in headers]
    return [DefaultInfo(
        files = depset([manifest] + files),
        runfiles = ctx.runfiles(files = [manifest] + files),
    )]

public_headers = rule(
    implementation = _public_headers_impl,
    attrs = {
        "lib": attr.label(providers = [CcInfo], mandatory = True),
        # Folders whose headers are public; their subfolders (internal/) are not.
        "prefixes": attr.string_list(mandatory = True),
    },
    doc = "The headers of lib (and its deps) directly in one of prefixes, and a manifest.",
)
