<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name />
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="105" />
            <source>Loss</source>
            <translation>Pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="131" />
            <source>Gradient norm</source>
            <translation>Norma del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <source>Through time</source>
            <translation>A través del tiempo</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="102" />
            <source>Compare runs</source>
            <translation>Comparar ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>training step</source>
            <translation>paso de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="105" />
            <source>loss</source>
            <translation>pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="106" />
            <source>Metric per epoch</source>
            <translation>Métrica por época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="106" />
            <source>metric</source>
            <translation>métrica</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="107" />
            <source>epoch</source>
            <translation>época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="108" />
            <source>Global gradient norm</source>
            <translation>Norma global del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="109" />
            <source>Per block</source>
            <translation>Por bloque</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="110" />
            <source>Per matrix</source>
            <translation>Por matriz</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="111" />
            <source>‖dL/dh(t)‖ through time (colour: log scale)</source>
            <translation>‖dL/dh(t)‖ a través del tiempo (color: escala logarítmica)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="113" />
            <source>Latest capture</source>
            <translation>Última captura</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="114" />
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="119" />
            <source>training (per step)</source>
            <translation>entrenamiento (por paso)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="120" />
            <source>training (smoothed)</source>
            <translation>entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="121" />
            <source>validation (per epoch)</source>
            <translation>validación (por época)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="122" />
            <source>training</source>
            <translation>entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="123" />
            <source>validation</source>
            <translation>validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="124" />
            <source>before clipping</source>
            <translation>antes del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="125" />
            <source>after clipping</source>
            <translation>después del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="126" />
            <source>clipping fired</source>
            <translation>recorte aplicado</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="129" />
            <source>Training loss (smoothed)</source>
            <translation>Pérdida de entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="130" />
            <source>Validation loss</source>
            <translation>Pérdida de validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="132" />
            <source>Validation metric</source>
            <translation>Métrica de validación</translation>
        </message>
    </context>
    <context>
        <name>DataForm</name>
        <message>
            <location filename="../../app/data_form.py" line="98" />
            <source>labels</source>
            <extracomment>The loader options the file page shows, per format (see :mod:`engine.data.files`). ``0`` stands for "no limit" and ``auto``/``default`` for the loader's own choice; both are the defaults, so they are never written to the options.</extracomment>
            <translation>etiquetas</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="99" />
            <source>The allowed labels, separated by commas; their order gives the class ids (empty: the labels in the file, sorted).</source>
            <translation>Las etiquetas permitidas, separadas por comas; su orden da los identificadores de clase (vacío: las etiquetas del archivo, ordenadas).</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="102" />
            <location filename="../../app/data_form.py" line="103" />
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="104" />
            <source>all</source>
            <translation>todos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="172" />
            <source>Built-in</source>
            <translation>Integrado</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="173" />
            <location filename="../../app/data_form.py" line="227" />
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="174" />
            <source>A task generated by code from a seed.</source>
            <translation>Una tarea generada por código a partir de una semilla.</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="175" />
            <source>Your own data: CSV, NumPy, text or piano rolls.</source>
            <translation>Tus propios datos: CSV, NumPy, texto o rollos de piano.</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="194" />
            <source>Choose a data set</source>
            <translation>Elige un conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="213" />
            <source>Path of the data file</source>
            <translation>Ruta del archivo de datos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="216" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="222" />
            <source>auto (from the suffix)</source>
            <translation>según la extensión</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="228" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="318" />
            <source>Choose a format to see its options; a .txt or .tsv file is read as text or parallel, told from its contents.</source>
            <translation>Elige un formato para ver sus opciones; un archivo .txt o .tsv se lee como texto o como corpus paralelo, según su contenido.</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="325" />
            <source>from the file</source>
            <translation>del archivo</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="382" />
            <source>Choose a data file</source>
            <translation>Elige un archivo de datos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="383" />
            <source>Data files (*.csv *.npz *.npy *.json *.tsv *.txt);;All files (*)</source>
            <translation>Archivos de datos (*.csv *.npz *.npy *.json *.tsv *.txt);;Todos los archivos (*)</translation>
        </message>
    </context>
    <context>
        <name>DesignDocument</name>
        <message>
            <location filename="../../designer/document.py" line="202" />
            <source>The network cannot change while it is being trained; stop training first (moving blocks is still allowed).</source>
            <translation>La red no puede cambiar mientras se entrena; detén primero el entrenamiento (mover bloques sigue estando permitido).</translation>
        </message>
    </context>
    <context>
        <name>DesignEditor</name>
        <message>
            <location filename="../../designer/editor.py" line="72" />
            <source>Opened design</source>
            <translation>Diseño abierto</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="102" />
            <source>There is no block kind '{kind}'.</source>
            <translation>No existe el tipo de bloque '{kind}'.</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="184" />
            <source>the wire was refused</source>
            <translation>se rechazó la conexión</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="210" />
            <source>Cut</source>
            <translation>Cortar</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="216" />
            <source>The clipboard holds no blocks to paste.</source>
            <translation>El portapapeles no contiene bloques que pegar.</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="219" />
            <source>Paste</source>
            <translation>Pegar</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="226" />
            <source>Duplicate</source>
            <translation>Duplicar</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="338" />
            <source>Add block</source>
            <translation>Añadir bloque</translation>
        </message>
    </context>
    <context>
        <name>DesignScene</name>
        <message>
            <location filename="../../designer/scene.py" line="167" />
            <source>input</source>
            <translation>entrada</translation>
        </message>
        <message>
            <location filename="../../designer/scene.py" line="167" />
            <source>output</source>
            <translation>salida</translation>
        </message>
    </context>
    <context>
        <name>EditorWindow</name>
        <message>
            <location filename="../../designer/__main__.py" line="35" />
            <source>Recurrente — {name}</source>
            <translation>Recurrente — {name}</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="37" />
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="38" />
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="40" />
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="41" />
            <source>Unrolled in time</source>
            <translation>Desplegado en el tiempo</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="43" />
            <source>Blocks</source>
            <translation>Bloques</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="45" />
            <source>Block</source>
            <translation>Bloque</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="46" />
            <source>Analysis</source>
            <translation>Análisis</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="49" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="53" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
    </context>
    <context>
        <name>ExampleGallery</name>
        <message>
            <location filename="../../app/gallery.py" line="29" />
            <source>Examples</source>
            <translation>Ejemplos</translation>
        </message>
        <message>
            <location filename="../../app/gallery.py" line="38" />
            <source>Pick a network to start from. Each example comes with a data set, so you can press Train straight away.</source>
            <translation>Elige una red de partida. Cada ejemplo incluye un conjunto de datos, así que puedes pulsar Entrenar directamente.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../app/export_dialog.py" line="41" />
            <source>Export the trained model</source>
            <translation>Exportar el modelo entrenado</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="49" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="57" />
            <source>Traced formats run batches of exactly this many steps.</source>
            <translation>Los formatos trazados procesan lotes de exactamente este número de pasos.</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="58" />
            <source>Also save the checkpoint (weights and design)</source>
            <translation>Guardar también el punto de control (pesos y diseño)</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="66" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="67" />
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="68" />
            <source>Steps (traced formats)</source>
            <translation>Pasos (formatos trazados)</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="71" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="73" />
            <source>Copy code</source>
            <translation>Copiar código</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="80" />
            <source>Load and run it with:</source>
            <translation>Cárgalo y ejecútalo con:</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="112" />
            <source>Export to</source>
            <translation>Exportar a</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="136" />
            <source>Written: {files}</source>
            <translation>Escrito: {files}</translation>
        </message>
    </context>
    <context>
        <name>FileController</name>
        <message>
            <location filename="../../app/files.py" line="52" />
            <location filename="../../app/files.py" line="92" />
            <source>Untitled</source>
            <translation>Sin título</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="80" />
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="81" />
            <source>The design has unsaved changes. Save them first?</source>
            <translation>El diseño tiene cambios sin guardar. ¿Guardarlos primero?</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="98" />
            <source>Open design</source>
            <translation>Abrir diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="110" />
            <source>Cannot open the design</source>
            <translation>No se puede abrir el diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="122" />
            <source>Cannot open the example</source>
            <translation>No se puede abrir el ejemplo</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="146" />
            <source>Save design</source>
            <translation>Guardar diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="159" />
            <source>Cannot save the design</source>
            <translation>No se puede guardar el diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="196" />
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="210" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="211" />
            <source>The new language applies from the next start.</source>
            <translation>El nuevo idioma se aplicará a partir del próximo inicio.</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="221" />
            <source>an untitled design</source>
            <translation>un diseño sin título</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="224" />
            <source>Recover unsaved work?</source>
            <translation>¿Recuperar el trabajo sin guardar?</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="225" />
            <source>Recurrente did not close cleanly last time. Restore the unsaved changes to {source}?</source>
            <translation>Recurrente no se cerró correctamente la última vez. ¿Restaurar los cambios sin guardar de {source}?</translation>
        </message>
    </context>
    <context>
        <name>GateHeatmaps</name>
        <message>
            <location filename="../../app/tryit_views.py" line="175" />
            <source>unit</source>
            <translation>unidad</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="213" />
            <source>r: PyTorch's reset gate, inside the recurrent term</source>
            <translation>r: compuerta de reinicio de PyTorch, dentro del término recurrente</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="214" />
            <source>z: PyTorch's share of h(t-1) kept</source>
            <translation>z: fracción de h(t-1) que conserva PyTorch</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="215" />
            <source>Gu = 1 − z: update gate (share of the candidate)</source>
            <translation>Gu = 1 − z: compuerta de actualización (fracción del candidato)</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="216" />
            <source>n(t): PyTorch's candidate state</source>
            <translation>n(t): estado candidato de PyTorch</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="219" />
            <source>h(t): hidden state</source>
            <translation>h(t): estado oculto</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="219" />
            <source>c(t): cell state</source>
            <translation>c(t): estado de la celda</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="220" />
            <source>c~(t): candidate cell state</source>
            <translation>c~(t): estado candidato de la celda</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="221" />
            <source>h~(t): candidate state</source>
            <translation>h~(t): estado candidato</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="222" />
            <source>Gu: update gate</source>
            <translation>Gu: compuerta de actualización</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="222" />
            <source>Gf: forget gate</source>
            <translation>Gf: compuerta de olvido</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="223" />
            <source>Go: output gate</source>
            <translation>Go: compuerta de salida</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="223" />
            <source>Gr: relevance gate</source>
            <translation>Gr: compuerta de relevancia</translation>
        </message>
    </context>
    <context>
        <name>GatesView</name>
        <message>
            <location filename="../../app/tryit_gates.py" line="46" />
            <source>Recurrent block:</source>
            <translation>Bloque recurrente:</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="48" />
            <source>Layer:</source>
            <translation>Capa:</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="138" />
            <source>layer {n}</source>
            <translation>capa {n}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="140" />
            <source>layer {n}, backward</source>
            <translation>capa {n}, hacia atrás</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="141" />
            <source>layer {n}, forward</source>
            <translation>capa {n}, hacia delante</translation>
        </message>
    </context>
    <context>
        <name>InspectorWidget</name>
        <message>
            <location filename="../../designer/inspector.py" line="62" />
            <location filename="../../designer/inspector.py" line="119" />
            <source>Select a block to see its parameters and equations.</source>
            <translation>Selecciona un bloque para ver sus parámetros y ecuaciones.</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="83" />
            <source>Block name</source>
            <translation>Nombre del bloque</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="117" />
            <source>{n} blocks selected.</source>
            <translation>{n} bloques seleccionados.</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="213" />
            <source>&lt;b&gt;Parameters:&lt;/b&gt; known once its input is wired</source>
            <translation>&lt;b&gt;Parámetros:&lt;/b&gt; se conocen cuando su entrada esté conectada</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="215" />
            <source>&lt;b&gt;Parameters:&lt;/b&gt; {n}</source>
            <translation>&lt;b&gt;Parámetros:&lt;/b&gt; {n}</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="218" />
            <source>&lt;b&gt;Sizes:&lt;/b&gt; {sizes}</source>
            <translation>&lt;b&gt;Tamaños:&lt;/b&gt; {sizes}</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="222" />
            <source>&lt;b&gt;In PyTorch:&lt;/b&gt;</source>
            <translation>&lt;b&gt;En PyTorch:&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/window.py" line="95" />
            <source>Blocks</source>
            <translation>Bloques</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="96" />
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="97" />
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="98" />
            <source>Data &amp;&amp; training</source>
            <translation>Datos &amp;&amp; entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="102" />
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="103" />
            <source>Training plots</source>
            <translation>Gráficas de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="104" />
            <source>Try it</source>
            <translation>Pruébalo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="105" />
            <source>Unrolled in time</source>
            <translation>Desplegado en el tiempo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="131" />
            <source>&amp;New</source>
            <translation>&amp;Nuevo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="132" />
            <source>&amp;Open…</source>
            <translation>&amp;Abrir…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="133" />
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="134" />
            <source>Save &amp;As…</source>
            <translation>Guardar &amp;como…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="135" />
            <source>&amp;Examples…</source>
            <translation>&amp;Ejemplos…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="136" />
            <source>&amp;Export Model…</source>
            <translation>E&amp;xportar modelo…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="138" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="139" />
            <location filename="../../app/window.py" line="171" />
            <source>&amp;Train</source>
            <translation>E&amp;ntrenar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="140" />
            <source>Train the design on its data set</source>
            <translation>Entrenar el diseño con su conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="141" />
            <location filename="../../app/window.py" line="317" />
            <source>&amp;Pause</source>
            <translation>&amp;Pausar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="142" />
            <source>S&amp;top</source>
            <translation>De&amp;tener</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="148" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="151" />
            <source>Open &amp;Recent</source>
            <translation>Abrir &amp;reciente</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="158" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="163" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="167" />
            <source>&amp;Panels</source>
            <translation>&amp;Paneles</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="174" />
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="175" />
            <source>&amp;About Recurrente</source>
            <translation>&amp;Acerca de Recurrente</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="179" />
            <source>Main</source>
            <translation>Principal</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="191" />
            <source>idle</source>
            <translation>inactivo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="260" />
            <source>Fix the problems listed before training ({n} errors).</source>
            <translation>Corrige los problemas de la lista antes de entrenar ({n} errores).</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="268" />
            <source>Choose a data set in Data &amp; training.</source>
            <translation>Elige un conjunto de datos en Datos &amp; entrenamiento.</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="290" />
            <source>Device not available</source>
            <translation>Dispositivo no disponible</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="291" />
            <source>{reason}

Train on the CPU instead?</source>
            <translation>{reason}

¿Entrenar en la CPU en su lugar?</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="295" />
            <source>Training on the CPU: {reason}</source>
            <translation>Entrenando en la CPU: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="317" />
            <source>&amp;Resume</source>
            <translation>&amp;Reanudar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="318" />
            <source>Training: the network's parameters are locked (the layout stays editable)</source>
            <translation>Entrenando: los parámetros de la red están bloqueados (la disposición sigue siendo editable)</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="324" />
            <source> — paused</source>
            <translation> — en pausa</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="339" />
            <source>epoch {epoch} · step {step}/{total} · ETA {eta}</source>
            <translation>época {epoch} · paso {step}/{total} · tiempo restante {eta}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="349" />
            <source>Training stopped</source>
            <translation>Entrenamiento detenido</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="358" />
            <source>failed at step {step}</source>
            <translation>falló en el paso {step}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="360" />
            <source>{reason} · {steps} steps · {time}</source>
            <translation>{reason} · {steps} pasos · {time}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="393" />
            <source>About Recurrente</source>
            <translation>Acerca de Recurrente</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="394" />
            <source>&lt;h3&gt;Recurrente&lt;/h3&gt;&lt;p&gt;Design, train and understand recurrent neural networks: Elman RNNs, GRUs and LSTMs as taught, wired by hand, trained while you watch the gradients flow through time.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Recurrente&lt;/h3&gt;&lt;p&gt;Diseña, entrena y comprende redes neuronales recurrentes: RNN de Elman, GRU y LSTM tal como se explican en clase, conectadas a mano y entrenadas mientras ves fluir los gradientes a través del tiempo.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="1" />
            <source>Out of memory</source>
            <translation>Memoria agotada</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="1" />
            <source>{message}

The device ran out of memory. Train again on the CPU?</source>
            <translation>{message}

El dispositivo se quedó sin memoria. ¿Entrenar de nuevo en la CPU?</translation>
        </message>
    </context>
    <context>
        <name>PaletteWidget</name>
        <message>
            <location filename="../../designer/palette.py" line="125" />
            <source>Search blocks…</source>
            <translation>Buscar bloques…</translation>
        </message>
        <message>
            <location filename="../../designer/palette.py" line="141" />
            <source>Drag a block onto the canvas, or double-click it.</source>
            <translation>Arrastra un bloque al lienzo o haz doble clic en él.</translation>
        </message>
    </context>
    <context>
        <name>PianoRoll</name>
        <message>
            <location filename="../../app/tryit_views.py" line="124" />
            <source>key</source>
            <translation>tecla</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="124" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
    </context>
    <context>
        <name>PlotsPanel</name>
        <message>
            <location filename="../../app/plots.py" line="183" />
            <source>Logarithmic scale</source>
            <translation>Escala logarítmica</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="190" />
            <source>Export PNG…</source>
            <translation>Exportar PNG…</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="190" />
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="361" />
            <source>metric</source>
            <translation>métrica</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="412" />
            <source>{0} · layer {1}</source>
            <translation>{0} · capa {1}</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="431" />
            <source>Latest capture (step {0})</source>
            <translation>Última captura (paso {0})</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="451" />
            <source>epoch</source>
            <translation>época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="459" />
            <source> (failed)</source>
            <translation> (fallida)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="459" />
            <source> (stopped)</source>
            <translation> (detenida)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="505" />
            <source>PNG image (*.png)</source>
            <translation>Imagen PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="505" />
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="506" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="105" />
            <source>Loss</source>
            <translation>Pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="131" />
            <source>Gradient norm</source>
            <translation>Norma del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <source>Through time</source>
            <translation>A través del tiempo</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="102" />
            <source>Compare runs</source>
            <translation>Comparar ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>training step</source>
            <translation>paso de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="105" />
            <source>loss</source>
            <translation>pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="106" />
            <source>Metric per epoch</source>
            <translation>Métrica por época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="108" />
            <source>Global gradient norm</source>
            <translation>Norma global del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="109" />
            <source>Per block</source>
            <translation>Por bloque</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="110" />
            <source>Per matrix</source>
            <translation>Por matriz</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="111" />
            <source>‖dL/dh(t)‖ through time (colour: log scale)</source>
            <translation>‖dL/dh(t)‖ a través del tiempo (color: escala logarítmica)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="113" />
            <source>Latest capture</source>
            <translation>Última captura</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="114" />
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="119" />
            <source>training (per step)</source>
            <translation>entrenamiento (por paso)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="120" />
            <source>training (smoothed)</source>
            <translation>entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="121" />
            <source>validation (per epoch)</source>
            <translation>validación (por época)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="122" />
            <source>training</source>
            <translation>entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="123" />
            <source>validation</source>
            <translation>validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="124" />
            <source>before clipping</source>
            <translation>antes del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="125" />
            <source>after clipping</source>
            <translation>después del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="126" />
            <source>clipping fired</source>
            <translation>recorte aplicado</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="129" />
            <source>Training loss (smoothed)</source>
            <translation>Pérdida de entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="130" />
            <source>Validation loss</source>
            <translation>Pérdida de validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="132" />
            <source>Validation metric</source>
            <translation>Métrica de validación</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityBars</name>
        <message>
            <location filename="../../app/tryit_views.py" line="57" />
            <location filename="../../app/tryit_views.py" line="67" />
            <source>probability</source>
            <translation>probabilidad</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="78" />
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="81" />
            <source>{name} predicted</source>
            <translation>{name} predicho</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="87" />
            <source>{name} target</source>
            <translation>{name} objetivo</translation>
        </message>
    </context>
    <context>
        <name>ProblemsWidget</name>
        <message>
            <location filename="../../designer/problems.py" line="59" />
            <source>Design</source>
            <translation>Diseño</translation>
        </message>
        <message>
            <location filename="../../designer/problems.py" line="69" />
            <source>✓ No problems: the design compiles.</source>
            <translation>✓ Sin problemas: el diseño compila.</translation>
        </message>
        <message>
            <location filename="../../designer/problems.py" line="72" />
            <source>{e} error(s), {w} warning(s)</source>
            <translation>{e} error(es), {w} aviso(s)</translation>
        </message>
    </context>
    <context>
        <name>Runner</name>
        <message>
            <location filename="../../app/tryit_run.py" line="78" />
            <source>The design has errors; fix them and train it again.</source>
            <translation>El diseño tiene errores; corrígelos y vuelve a entrenarlo.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="81" />
            <source>Trying a design needs exactly one output block.</source>
            <translation>Para probar un diseño hace falta exactamente un bloque de salida.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="134" />
            <source>start</source>
            <translation>inicio</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="140" />
            <source>This model's input cannot be typed; pick an example.</source>
            <translation>La entrada de este modelo no se puede escribir; elige un ejemplo.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="143" />
            <source>Type a sentence first: the input is empty.</source>
            <translation>Escribe primero una frase: la entrada está vacía.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="150" />
            <source>None of these words is in the data set's vocabulary: {words}</source>
            <translation>Ninguna de estas palabras está en el vocabulario del conjunto de datos: {words}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="154" />
            <source>read as &lt;unk&gt;</source>
            <translation>leídas como &lt;unk&gt;</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="155" />
            <source>left out: the vocabulary has no &lt;unk&gt;</source>
            <translation>omitidas: el vocabulario no tiene &lt;unk&gt;</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="156" />
            <source>Not in the vocabulary ({how}): {words}</source>
            <translation>No están en el vocabulario ({how}): {words}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="166" />
            <source>There is no validation example {n}.</source>
            <translation>No existe el ejemplo de validación {n}.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="179" />
            <source>Use Generate for this design.</source>
            <translation>Usa Generar para este diseño.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="196" />
            <source>class {n}</source>
            <translation>clase {n}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="203" />
            <source>→ &lt;b&gt;{name}&lt;/b&gt; ({p:.0%})</source>
            <translation>→ &lt;b&gt;{name}&lt;/b&gt; ({p:.0%})</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="206" />
            <source>target: {name}</source>
            <translation>objetivo: {name}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="216" />
            <source>prediction {value}</source>
            <translation>predicción {value}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="219" />
            <source>target {value}</source>
            <translation>objetivo {value}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="242" />
            <source>predicted tag under every word</source>
            <translation>etiqueta predicha bajo cada palabra</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="243" />
            <source>predicted tag under every word, target below: {right} of {n} right</source>
            <translation>etiqueta predicha bajo cada palabra, objetivo debajo: {right} de {n} correctas</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="253" />
            <source>prediction against target over t</source>
            <translation>predicción frente a objetivo a lo largo de t</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="255" />
            <source>MSE {mse:.4g}</source>
            <translation>MSE {mse:.4g}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="258" />
            <source>Showing the first of {n} values per step.</source>
            <translation>Se muestra el primero de los {n} valores por paso.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="281" />
            <source>No &lt;/s&gt; within {n} steps: the translation was cut there.</source>
            <translation>No hay &lt;/s&gt; en {n} pasos: la traducción se cortó ahí.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="283" />
            <source>→ &lt;b&gt;{text}&lt;/b&gt;</source>
            <translation>→ &lt;b&gt;{text}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="288" />
            <source>target: {text} {mark}</source>
            <translation>objetivo: {text} {mark}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="300" />
            <source>This design does not generate.</source>
            <translation>Este diseño no genera.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="309" />
            <source>Pick a start element: there are no validation examples to take one from.</source>
            <translation>Elige un elemento inicial: no hay ejemplos de validación de los que tomarlo.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="324" />
            <source>{n} steps generated, {k:.1f} notes per step</source>
            <translation>{n} pasos generados, {k:.1f} notas por paso</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="334" />
            <location filename="../../app/tryit_run.py" line="338" />
            <source>{n} steps generated</source>
            <translation>{n} pasos generados</translation>
        </message>
    </context>
    <context>
        <name>SeriesPlot</name>
        <message>
            <location filename="../../app/tryit_views.py" line="102" />
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="102" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="104" />
            <source>target</source>
            <translation>objetivo</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="105" />
            <source>prediction</source>
            <translation>predicción</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <location filename="../../app/training_panel.py" line="71" />
            <source>Optimiser</source>
            <translation>Optimizador</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="73" />
            <source>Schedule</source>
            <translation>Planificación</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="75" />
            <source>Gradients</source>
            <translation>Gradientes</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="77" />
            <source>Other</source>
            <translation>Otros</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="78" />
            <source>off (full BPTT)</source>
            <translation>no (BPTT completa)</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="79" />
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="80" />
            <source>off</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="204" />
            <source>Data</source>
            <translation>Datos</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="210" />
            <source>Check again</source>
            <translation>Comprobar de nuevo</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="211" />
            <source>Read the data again (after the file changed).</source>
            <translation>Vuelve a leer los datos (tras cambiar el archivo).</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="218" />
            <source>Check</source>
            <translation>Comprobación</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="238" />
            <source>Train on</source>
            <translation>Entrenar en</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="240" />
            <source>Device</source>
            <translation>Dispositivo</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="282" />
            <source>Automatic</source>
            <translation>Automático</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="283" />
            <source>The first GPU when there is one, else the CPU.</source>
            <translation>La primera GPU si hay alguna; si no, la CPU.</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="306" />
            <source>{device} — not on this machine</source>
            <translation>{device} — no disponible en esta máquina</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="369" />
            <source>Choose a built-in data set or a file to check the design against it.</source>
            <translation>Elige un conjunto de datos integrado o un archivo para comprobar el diseño con él.</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="389" />
            <source>Checking the data set…</source>
            <translation>Comprobando el conjunto de datos…</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="404" />
            <source>The data set cannot be used:</source>
            <translation>No se puede usar el conjunto de datos:</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="409" />
            <source>Input: {text}</source>
            <translation>Entrada: {text}</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="410" />
            <source>Target: {text}</source>
            <translation>Objetivo: {text}</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="421" />
            <source>design</source>
            <translation>diseño</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="426" />
            <source>The design fits this data set.</source>
            <translation>El diseño encaja con este conjunto de datos.</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="436" />
            <source>no input</source>
            <translation>sin entrada</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="438" />
            <source>sequences of tokens (vocabulary {n})</source>
            <translation>secuencias de tokens (vocabulario de {n})</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="439" />
            <source>single elements of tokens (vocabulary {n})</source>
            <translation>elementos sueltos de tokens (vocabulario de {n})</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="441" />
            <source>sequences of {n} feature</source>
            <translation>secuencias de {n} característica</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="442" />
            <source>sequences of {n} features</source>
            <translation>secuencias de {n} características</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="444" />
            <source>single elements of {n} feature</source>
            <translation>elementos sueltos de {n} característica</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="445" />
            <source>single elements of {n} features</source>
            <translation>elementos sueltos de {n} características</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="447" />
            <source>one of {n} classes</source>
            <translation>una de {n} clases</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="448" />
            <source>{n} on/off units</source>
            <translation>{n} unidades 0/1</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="449" />
            <source>{n} real value</source>
            <translation>{n} valor real</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="449" />
            <source>{n} real values</source>
            <translation>{n} valores reales</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="451" />
            <source>per example</source>
            <translation>por cada ejemplo</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="453" />
            <source>at every step</source>
            <translation>en cada paso</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="455" />
            <source>as a sequence of its own length</source>
            <translation>como una secuencia de longitud propia</translation>
        </message>
    </context>
    <context>
        <name>TryItPanel</name>
        <message>
            <location filename="../../app/tryit.py" line="92" />
            <source>Sentence:</source>
            <translation>Frase:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="98" />
            <source>Validation example:</source>
            <translation>Ejemplo de validación:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="102" />
            <source>Start:</source>
            <translation>Inicio:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="104" />
            <source>Temperature:</source>
            <translation>Temperatura:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="110" />
            <source>Divides the logits before sampling: below 1 plays safe, above 1 takes risks.</source>
            <translation>Divide los logits antes del muestreo: por debajo de 1 es conservadora, por encima de 1 arriesga.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="111" />
            <source>Length:</source>
            <translation>Longitud:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="115" />
            <source>Generate</source>
            <translation>Generar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="173" />
            <source>Try it</source>
            <translation>Pruébalo</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="179" />
            <source>Train the design (or pause its training) to try it here.</source>
            <translation>Entrena el diseño (o pausa su entrenamiento) para probarlo aquí.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="206" />
            <source>Type a sentence and press {button}.</source>
            <translation>Escribe una frase y pulsa {button}.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="209" />
            <source>This input cannot be typed, and there are no validation examples to pick from.</source>
            <translation>Esta entrada no se puede escribir y no hay ejemplos de validación entre los que elegir.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="236" />
            <source>Type a sentence first: the input is empty.</source>
            <translation>Escribe primero una frase: la entrada está vacía.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="294" />
            <source>classification</source>
            <translation>clasificación</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="294" />
            <source>regression</source>
            <translation>regresión</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="295" />
            <source>generation</source>
            <translation>generación</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="295" />
            <source>translation</source>
            <translation>traducción</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="296" />
            <source>tagging</source>
            <translation>etiquetado</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="296" />
            <source>prediction at every step</source>
            <translation>predicción en cada paso</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="297" />
            <source>Try it: {shape} · {kind}</source>
            <translation>Pruébalo: {shape} · {kind}</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="299" />
            <source>Classify</source>
            <translation>Clasificar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="299" />
            <source>Translate</source>
            <translation>Traducir</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="300" />
            <source>Tag</source>
            <translation>Etiquetar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="301" />
            <source>Run</source>
            <translation>Ejecutar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="307" />
            <source>Type a text: it is read character by character</source>
            <translation>Escribe un texto: se lee carácter a carácter</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="308" />
            <source>Type a sentence in the data set's words</source>
            <translation>Escribe una frase con las palabras del conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="322" />
            <source>the learned start element</source>
            <translation>el elemento inicial aprendido</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="323" />
            <source>silence (no validation examples given)</source>
            <translation>silencio (no hay ejemplos de validación)</translation>
        </message>
    </context>
    <context>
        <name>UnrolledView</name>
        <message>
            <location filename="../../designer/unrolled.py" line="61" />
            <location filename="../../designer/unrolled.py" line="143" />
            <source>The same U, W and V at every step: the network is one set of weights applied through time.</source>
            <translation>Las mismas U, W y V en cada paso: la red es un único conjunto de pesos aplicado a través del tiempo.</translation>
        </message>
        <message>
            <location filename="../../designer/unrolled.py" line="66" />
            <source>Unrolled through</source>
            <translation>Desplegado a lo largo de</translation>
        </message>
    </context>
    <context>
        <name>engine</name>
        <message>
            <location filename="../../app/engine_strings.py" line="15" />
            <source>optimizer</source>
            <translation>optimizador</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="16" />
            <source>The optimiser.</source>
            <translation>El optimizador.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="17" />
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="18" />
            <source>SGD</source>
            <translation>SGD</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="19" />
            <source>RMSprop</source>
            <translation>RMSprop</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="20" />
            <source>learning rate</source>
            <translation>tasa de aprendizaje</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="21" />
            <source>Step size of the optimiser.</source>
            <translation>Tamaño del paso del optimizador.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="22" />
            <source>momentum</source>
            <translation>momento</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="23" />
            <source>Momentum (SGD and RMSprop).</source>
            <translation>Momento (SGD y RMSprop).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="24" />
            <source>weight decay</source>
            <translation>decaimiento de pesos</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="25" />
            <source>L2 penalty on the weights.</source>
            <translation>Penalización L2 sobre los pesos.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="26" />
            <source>epochs</source>
            <translation>épocas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="27" />
            <source>Passes over the training data.</source>
            <translation>Pasadas por los datos de entrenamiento.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="28" />
            <source>batch size</source>
            <translation>tamaño del lote</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="29" />
            <source>Examples per optimiser step.</source>
            <translation>Ejemplos por paso del optimizador.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="30" />
            <source>validation fraction</source>
            <translation>fracción de validación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="31" />
            <source>Share of the training data held out for validation when the data set has no validation split.</source>
            <translation>Parte de los datos de entrenamiento que se reserva para validación cuando el conjunto de datos no tiene partición de validación.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="33" />
            <source>seed</source>
            <translation>semilla</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="34" />
            <source>Seeds weights, data order and dropout: a run repeats exactly.</source>
            <translation>Fija los pesos iniciales, el orden de los datos y el dropout: una ejecución se repite exactamente.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="35" />
            <source>clip</source>
            <translation>recorte</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="36" />
            <source>Gradient clipping, the remedy for exploding gradients: rescale the whole gradient when its norm exceeds the threshold, or clamp each value.</source>
            <translation>Recorte del gradiente, el remedio contra los gradientes explosivos: reescalar todo el gradiente cuando su norma supera el umbral, o limitar cada valor.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="39" />
            <source>none</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="40" />
            <source>by norm</source>
            <translation>por norma</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="41" />
            <source>by value</source>
            <translation>por valor</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="42" />
            <source>clip threshold</source>
            <translation>umbral de recorte</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="43" />
            <source>The norm (or value) clipping starts at.</source>
            <translation>La norma (o el valor) a partir de la cual se recorta.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="44" />
            <source>truncated BPTT</source>
            <translation>BPTT truncada</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="45" />
            <source>Truncated backpropagation through time: steps per chunk (0 = full BPTT).</source>
            <translation>Retropropagación truncada en el tiempo: pasos por tramo (0 = BPTT completa).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="47" />
            <source>capture every</source>
            <translation>capturar cada</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="48" />
            <source>Measure dL/dh(t) at every time step every K training steps (0 = never).</source>
            <translation>Medir dL/dh(t) en cada paso de tiempo cada K pasos de entrenamiento (0 = nunca).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="50" />
            <source>early stopping</source>
            <translation>parada temprana</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="51" />
            <source>Stop after this many epochs without a better validation loss, keeping the best weights (0 = off).</source>
            <translation>Parar tras este número de épocas sin mejorar la pérdida de validación, conservando los mejores pesos (0 = desactivada).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="54" />
            <source>Input</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="55" />
            <source>Inputs</source>
            <translation>Entradas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="56" />
            <source>Where the data enter.
sequence: x(1..T), one element per step (M-to-1, M-to-N); element: one x (1-to-N, 1-to-1).
features: real numbers, `size` per step.
tokens: integer ids below `vocab_size`, encoded one-hot as in the lecture (x is a
vocabulary-sized vector with a single 1) or by a learned embedding of `embedding_size`.</source>
            <translation>Por donde entran los datos.
secuencia: x(1..T), un elemento por paso (M a 1, M a N); elemento: un solo x (1 a N, 1 a 1).
características: números reales, `size` por paso.
tokens: identificadores enteros menores que `vocab_size`, codificados one-hot como en clase
(x es un vector del tamaño del vocabulario con un único 1) o con un embedding aprendido de tamaño `embedding_size`.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="64" />
            <source>mode</source>
            <translation>modo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="65" />
            <source>A sequence x(1..T) or a single element.</source>
            <translation>Una secuencia x(1..T) o un solo elemento.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="66" />
            <source>sequence</source>
            <translation>secuencia</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="67" />
            <source>element</source>
            <translation>elemento</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="68" />
            <source>data</source>
            <translation>datos</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="69" />
            <source>Real-valued features or token ids.</source>
            <translation>Características de valor real o identificadores de tokens.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="70" />
            <source>features</source>
            <translation>características</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="71" />
            <source>tokens</source>
            <translation>tokens</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="72" />
            <source>size</source>
            <translation>tamaño</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="73" />
            <source>Features per element (for features).</source>
            <translation>Características por elemento (para características).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="74" />
            <source>vocabulary</source>
            <translation>vocabulario</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="75" />
            <source>Number of distinct tokens (for tokens).</source>
            <translation>Número de tokens distintos (para tokens).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="76" />
            <source>encoding</source>
            <translation>codificación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="77" />
            <source>How tokens become vectors: one-hot, or a learned embedding.</source>
            <translation>Cómo se convierten los tokens en vectores: one-hot o un embedding aprendido.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="78" />
            <source>one-hot</source>
            <translation>one-hot</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="79" />
            <source>embedding</source>
            <translation>embedding</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="80" />
            <source>Size of the learned embedding.</source>
            <translation>Tamaño del embedding aprendido.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="81" />
            <source>The encoded sequence x(1..T).</source>
            <translation>La secuencia codificada x(1..T).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="82" />
            <source>The encoded element x.</source>
            <translation>El elemento codificado x.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="84" />
            <source>RNN (Elman)</source>
            <translation>RNN (Elman)</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="85" />
            <source>Recurrent</source>
            <translation>Recurrentes</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="86" />
            <source>Elman recurrent network.
  h(t) = g1(W h(t-1) + U x(t) + b_h),   g1 = tanh or ReLU
W: hidden x hidden (recurrent), U: hidden x input, b_h: hidden.
Compiled to PyTorch's fused nn.RNN (oneDNN on CPU, cuDNN on GPU).</source>
            <translation>Red recurrente de Elman.
  h(t) = g1(W h(t-1) + U x(t) + b_h),   g1 = tanh o ReLU
W: oculto x oculto (recurrente), U: oculto x entrada, b_h: oculto.
Se compila a la nn.RNN fusionada de PyTorch (oneDNN en CPU, cuDNN en GPU).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="92" />
            <source>hidden size</source>
            <translation>tamaño oculto</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="93" />
            <source>Units in each layer (the size of h(t)).</source>
            <translation>Unidades de cada capa (el tamaño del estado oculto h(t)).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="94" />
            <source>layers</source>
            <translation>capas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="95" />
            <source>Stacked layers; each reads the previous one's h(t).</source>
            <translation>Capas apiladas; cada una lee el h(t) de la anterior.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="96" />
            <source>g1</source>
            <translation>g1</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="97" />
            <source>The activation g1 of the Elman RNN.</source>
            <translation>La activación g1 de la RNN de Elman.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="98" />
            <source>tanh</source>
            <translation>tanh</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="99" />
            <source>relu</source>
            <translation>relu</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="100" />
            <source>dropout</source>
            <translation>dropout</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="101" />
            <source>Dropout between stacked layers while training (no effect with one layer).</source>
            <translation>Dropout entre capas apiladas durante el entrenamiento (sin efecto con una sola capa).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="103" />
            <source>bidirectional</source>
            <translation>bidireccional</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="104" />
            <source>Add a backward layer that reads the sequence from its end.</source>
            <translation>Añade una capa hacia atrás que lee la secuencia desde el final.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="105" />
            <source>join</source>
            <translation>unión</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="106" />
            <source>How the forward and backward outputs are joined.</source>
            <translation>Cómo se unen las salidas hacia delante y hacia atrás.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="107" />
            <source>concat</source>
            <translation>concatenar</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="108" />
            <source>sum</source>
            <translation>suma</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="109" />
            <source>The sequence x(1..T) to read.</source>
            <translation>La secuencia x(1..T) que se lee.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="110" />
            <source>Optional h(0) (and c(0)): an encoder's final state for a decoder.</source>
            <translation>h(0) (y c(0)) opcional: el estado final de un codificador para un decodificador.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="112" />
            <source>h(t) at every step (M-to-N).</source>
            <translation>h(t) en cada paso (M a N).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="113" />
            <source>h at the last real step of each sequence (M-to-1); for a bidirectional block the backward direction's state after reading x(1).</source>
            <translation>h en el último paso real de cada secuencia (M a 1); en un bloque bidireccional, el estado de la dirección hacia atrás tras leer x(1).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="116" />
            <source>The final state of every layer, for a decoder.</source>
            <translation>El estado final de cada capa, para un decodificador.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="118" />
            <source>GRU</source>
            <translation>GRU</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="119" />
            <source>Gated recurrent unit.
lecture form (with the relevance gate Gr):
  Gu = sigma(Mu [h(t-1), x(t)] + bu)
  Gr = sigma(Mr [h(t-1), x(t)] + br)
  h~(t) = tanh(M [Gr * h(t-1), x(t)] + bh)
  h(t) = Gu * h~(t) + (1 - Gu) * h(t-1)
(The slide prints Gr in front of h~(t) in the last line: a typo, the update gate Gu is meant.)
minimal form: the same without Gr, h~(t) = tanh(M [h(t-1), x(t)] + bh).
pytorch form (cuDNN): n = tanh(U_n x + b_in + r * (W_n h(t-1) + b_hn)); the relevance gate
multiplies the recurrent term after the matmul, and z = 1 - Gu. A different function from
the lecture form, but the fastest: it runs on PyTorch's fused nn.GRU.
Each M = [W, U]: W multiplies h(t-1) (hidden x hidden), U multiplies x(t) (hidden x input).</source>
            <translation>Unidad recurrente con compuertas.
forma de clase (con la compuerta de relevancia Gr):
  Gu = sigma(Mu [h(t-1), x(t)] + bu)
  Gr = sigma(Mr [h(t-1), x(t)] + br)
  h~(t) = tanh(M [Gr * h(t-1), x(t)] + bh)
  h(t) = Gu * h~(t) + (1 - Gu) * h(t-1)
(La transparencia pone Gr delante de h~(t) en la última línea: es una errata, se refiere a la compuerta de actualización Gu.)
forma mínima: la misma sin Gr, h~(t) = tanh(M [h(t-1), x(t)] + bh).
forma pytorch (cuDNN): n = tanh(U_n x + b_in + r * (W_n h(t-1) + b_hn)); la compuerta de relevancia
multiplica el término recurrente después del producto de matrices, y z = 1 - Gu. Es una función distinta
de la forma de clase, pero la más rápida: usa la nn.GRU fusionada de PyTorch.
Cada M = [W, U]: W multiplica h(t-1) (oculto x oculto), U multiplica x(t) (oculto x entrada).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="137" />
            <source>form</source>
            <translation>forma</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="138" />
            <source>lecture: relevance gate on h(t-1) before the matmul; minimal: no relevance gate; pytorch: the cuDNN form (gate inside the recurrent term), fastest.</source>
            <translation>de clase: compuerta de relevancia sobre h(t-1) antes del producto de matrices; mínima: sin compuerta de relevancia; pytorch: la forma de cuDNN (compuerta dentro del término recurrente), la más rápida.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="141" />
            <source>lecture</source>
            <translation>de clase</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="142" />
            <source>minimal</source>
            <translation>mínima</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="143" />
            <source>pytorch</source>
            <translation>pytorch</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="145" />
            <source>LSTM</source>
            <translation>LSTM</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="146" />
            <source>Long short-term memory.
  Gu, Gf, Go = sigma(M* [h(t-1), x(t)] + b*)     update, forget, output gates
  c~(t) = tanh(Mc [h(t-1), x(t)] + bc)
  c(t) = Gu * c~(t) + Gf * c(t-1)
  h(t) = Go * tanh(c(t))
With peepholes, Gu and Gf also see c(t-1) and Go sees c(t):
  Gu = sigma(Mu [c(t-1), h(t-1), x(t)] + bu), Gf likewise, Go = sigma(Mo [c(t), h(t-1), x(t)] + bo)
full: the c part of each M is a hidden x hidden matrix P (as written in the lecture);
diagonal: one weight per unit (Gers &amp; Schmidhuber 2002).
Without peepholes the block runs on PyTorch's fused nn.LSTM.</source>
            <translation>Memoria a corto y largo plazo.
  Gu, Gf, Go = sigma(M* [h(t-1), x(t)] + b*)     compuertas de actualización, de olvido y de salida
  c~(t) = tanh(Mc [h(t-1), x(t)] + bc)
  c(t) = Gu * c~(t) + Gf * c(t-1)
  h(t) = Go * tanh(c(t))
Con mirillas (peepholes), Gu y Gf ven también c(t-1) y Go ve c(t):
  Gu = sigma(Mu [c(t-1), h(t-1), x(t)] + bu), Gf igual, Go = sigma(Mo [c(t), h(t-1), x(t)] + bo)
completas: la parte de c de cada M es una matriz P oculto x oculto (como en clase);
diagonales: un peso por unidad (Gers &amp; Schmidhuber 2002).
Sin mirillas el bloque usa la nn.LSTM fusionada de PyTorch.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="159" />
            <source>peepholes</source>
            <translation>mirillas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="160" />
            <source>Let the gates see the cell state c: full matrices as in the lecture, or diagonal (Gers &amp; Schmidhuber).</source>
            <translation>Deja que las compuertas vean el estado de la celda c: matrices completas como en clase, o diagonales (Gers &amp; Schmidhuber).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="162" />
            <source>full</source>
            <translation>completas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="163" />
            <source>diagonal</source>
            <translation>diagonales</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="165" />
            <source>Bidirectional</source>
            <translation>Bidireccional</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="166" />
            <source>Bidirectional recurrent network (Schuster &amp; Paliwal 1997).
A forward layer reads x(1..T); a backward layer with its own weights reads x(T..1).
  h-&gt;(t) = cell(h-&gt;(t-1), x(t)),   h&lt;-(t) = cell(h&lt;-(t+1), x(t))
  output(t) = [h-&gt;(t), h&lt;-(t)]  (concatenate)  or  h-&gt;(t) + h&lt;-(t)  (sum)
Between stacked layers the two directions are concatenated.
The 'state' output joins both directions' final states the same way, so a decoder fed by it
needs hidden size 2 x hidden (concatenate) or hidden (sum).</source>
            <translation>Red recurrente bidireccional (Schuster &amp; Paliwal 1997).
Una capa hacia delante lee x(1..T); una capa hacia atrás con sus propios pesos lee x(T..1).
  h-&gt;(t) = celda(h-&gt;(t-1), x(t)),   h&lt;-(t) = celda(h&lt;-(t+1), x(t))
  salida(t) = [h-&gt;(t), h&lt;-(t)]  (concatenar)  o  h-&gt;(t) + h&lt;-(t)  (suma)
Entre capas apiladas las dos direcciones se concatenan.
La salida 'state' une los estados finales de las dos direcciones del mismo modo, así que un decodificador
alimentado por ella necesita tamaño oculto 2 x oculto (concatenar) u oculto (suma).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="177" />
            <source>cell</source>
            <translation>celda</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="178" />
            <source>The cell run in both directions.</source>
            <translation>La celda que se ejecuta en las dos direcciones.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="179" />
            <source>rnn</source>
            <translation>rnn</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="180" />
            <source>gru</source>
            <translation>gru</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="181" />
            <source>lstm</source>
            <translation>lstm</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="183" />
            <source>Dense</source>
            <translation>Densa</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="184" />
            <source>Layers</source>
            <translation>Capas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="185" />
            <source>Fully connected layer: y = g(V h + b). On a sequence it is applied at every
step with the same V and b; on a vector, once.</source>
            <translation>Capa totalmente conectada: y = g(V h + b). Sobre una secuencia se aplica en cada
paso con los mismos V y b; sobre un vector, una vez.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="188" />
            <source>Output units.</source>
            <translation>Unidades de salida.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="189" />
            <source>activation</source>
            <translation>activación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="190" />
            <source>The activation g.</source>
            <translation>La activación g.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="191" />
            <source>sigmoid</source>
            <translation>sigmoide</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="192" />
            <source>identity</source>
            <translation>identidad</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="193" />
            <source>A sequence (applied at every step) or a vector.</source>
            <translation>Una secuencia (se aplica en cada paso) o un vector.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="194" />
            <source>Same kind as the input.</source>
            <translation>Del mismo tipo que la entrada.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="196" />
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="197" />
            <source>Dropout: while training, zero each feature with probability p and scale the rest.</source>
            <translation>Dropout: durante el entrenamiento, pone a cero cada característica con probabilidad p y reescala el resto.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="199" />
            <source>p</source>
            <translation>p</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="200" />
            <source>Probability of zeroing a feature.</source>
            <translation>Probabilidad de poner a cero una característica.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="202" />
            <source>Concatenate</source>
            <translation>Concatenar</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="203" />
            <source>Structure</source>
            <translation>Estructura</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="204" />
            <source>Concatenate along the features: [a, b] (and c). Sequences must share their time
axis; a vector and a sequence do not mix (repeat the vector first).</source>
            <translation>Concatena a lo largo de las características: [a, b] (y c). Las secuencias deben compartir su eje
temporal; un vector y una secuencia no se mezclan (repite antes el vector).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="208" />
            <source>First part.</source>
            <translation>Primera parte.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="209" />
            <source>Second part.</source>
            <translation>Segunda parte.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="210" />
            <source>Optional third part.</source>
            <translation>Tercera parte opcional.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="211" />
            <source>[a, b, c] along the features.</source>
            <translation>[a, b, c] a lo largo de las características.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="213" />
            <source>Repeat</source>
            <translation>Repetir</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="214" />
            <source>Repeat a vector N times to make a sequence: x(t) = v for t = 1..N.</source>
            <translation>Repite un vector N veces para formar una secuencia: x(t) = v para t = 1..N.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="216" />
            <source>times</source>
            <translation>veces</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="217" />
            <source>N, the length of the sequence made.</source>
            <translation>N, la longitud de la secuencia formada.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="218" />
            <source>The vector to repeat.</source>
            <translation>El vector que se repite.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="219" />
            <source>The vector at every one of N steps.</source>
            <translation>El vector en cada uno de los N pasos.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="221" />
            <source>Pool over time</source>
            <translation>Agregación en el tiempo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="222" />
            <source>Summarise a sequence as one vector over its real steps (padding excluded):
mean: (1/T) sum_t h(t);  max: max_t h(t) per feature.</source>
            <translation>Resume una secuencia en un vector sobre sus pasos reales (sin el relleno):
media: (1/T) sum_t h(t);  máximo: max_t h(t) por característica.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="225" />
            <source>mean or max over the real steps.</source>
            <translation>media o máximo sobre los pasos reales.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="226" />
            <source>mean</source>
            <translation>media</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="227" />
            <source>max</source>
            <translation>máximo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="228" />
            <source>A sequence of states.</source>
            <translation>Una secuencia de estados.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="229" />
            <source>One vector summarising the real steps.</source>
            <translation>Un vector que resume los pasos reales.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="231" />
            <source>Feedback</source>
            <translation>Realimentación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="232" />
            <source>Autoregressive feedback: the element generated at step t is the input at t+1.
  x(1) = start,   x(t+1) = y(t)
While training, y(t) is the true target (teacher forcing), so the whole sequence trains in one
pass; when generating (running free), y(t) is what the network produced: sampled from the
output's distribution, the most likely value (greedy), or the probabilities themselves.
Wire the output block's 'out' into 'generated'. Without 'start', a learned start vector is
used, as a &lt;start&gt; token for a decoder. encoding embeds the element (e.g. a token id) with a
learned matrix, as an input block does.</source>
            <translation>Realimentación autorregresiva: el elemento generado en el paso t es la entrada en t+1.
  x(1) = start,   x(t+1) = y(t)
Durante el entrenamiento, y(t) es el objetivo verdadero (teacher forcing), así que toda la secuencia se entrena
en una pasada; al generar (en modo libre), y(t) es lo que produjo la red: muestreado de la
distribución de la salida, el valor más probable (voraz) o las propias probabilidades.
Conecta la salida 'out' del bloque de salida a 'generated'. Sin 'start' se usa un vector inicial aprendido,
como un token &lt;start&gt; para un decodificador. La codificación embedding representa el elemento (p. ej. el id de un token)
con una matriz aprendida, como hace un bloque de entrada.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="246" />
            <source>Size of the generated element (the output's size).</source>
            <translation>Tamaño del elemento generado (el tamaño de la salida).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="247" />
            <source>identity: feed y(t) as it is (one-hot for classes); embedding: a learned vector per class.</source>
            <translation>identidad: realimenta y(t) tal cual (one-hot para clases); embedding: un vector aprendido por clase.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="249" />
            <source>sampling</source>
            <translation>muestreo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="250" />
            <source>When running free: sample y(t), take the most likely value, or feed the probabilities.</source>
            <translation>En modo libre: muestrear y(t), tomar el valor más probable o realimentar las probabilidades.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="252" />
            <source>sample</source>
            <translation>muestrear</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="253" />
            <source>greedy</source>
            <translation>voraz</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="254" />
            <source>probabilities</source>
            <translation>probabilidades</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="255" />
            <source>The first element (e.g. a starting chord); without it a learned start vector is used (like a &lt;start&gt; token).</source>
            <translation>El primer elemento (p. ej. un acorde inicial); sin él se usa un vector inicial aprendido (como un token &lt;start&gt;).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="257" />
            <source>The output block's prediction: the element generated at t is the input at t+1.</source>
            <translation>La predicción del bloque de salida: el elemento generado en t es la entrada en t+1.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="259" />
            <source>x(1) = start, x(t+1) = y(t): the true y(t) while training (teacher forcing), the generated one when running free.</source>
            <translation>x(1) = start, x(t+1) = y(t): el y(t) verdadero durante el entrenamiento (teacher forcing), el generado en modo libre.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="262" />
            <source>Output</source>
            <translation>Salida</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="263" />
            <source>Outputs</source>
            <translation>Salidas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="264" />
            <source>The network's prediction: y(t) = g2(V h(t) + b_y).
g2 decides the loss and the metric:
  softmax  -&gt; cross-entropy, accuracy (one class per step or per sequence)
  sigmoid  -&gt; binary cross-entropy summed over units (multi-hot, e.g. piano keys)
  tanh, identity -&gt; mean squared error (regression)
On a sequence it predicts at every step (M-to-N); on a vector, once (M-to-1).</source>
            <translation>La predicción de la red: y(t) = g2(V h(t) + b_y).
g2 decide la pérdida y la métrica:
  softmax  -&gt; entropía cruzada, exactitud (una clase por paso o por secuencia)
  sigmoide -&gt; entropía cruzada binaria sumada sobre las unidades (multi-hot, p. ej. teclas de piano)
  tanh, identidad -&gt; error cuadrático medio (regresión)
Sobre una secuencia predice en cada paso (M a N); sobre un vector, una vez (M a 1).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="273" />
            <source>Output units (classes, keys, values).</source>
            <translation>Unidades de salida (clases, teclas, valores).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="274" />
            <source>g2</source>
            <translation>g2</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="275" />
            <source>The activation g2; it sets the loss.</source>
            <translation>La activación g2; determina la pérdida.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="276" />
            <source>softmax</source>
            <translation>softmax</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="277" />
            <source>What to predict from: a sequence or a vector.</source>
            <translation>A partir de qué se predice: una secuencia o un vector.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="278" />
            <source>The prediction y; wire it only into a Feedback block's 'generated' port.</source>
            <translation>La predicción y; conéctala solo al puerto 'generated' de un bloque de realimentación.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="281" />
            <source>Adding problem</source>
            <translation>Problema de la suma</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="282" />
            <source>Add the two marked numbers of a long sequence (Hochreiter &amp; Schmidhuber 1997).</source>
            <translation>Sumar los dos números marcados de una secuencia larga (Hochreiter &amp; Schmidhuber 1997).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="284" />
            <source>train size</source>
            <translation>tamaño de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="285" />
            <source>Examples in the training split.</source>
            <translation>Ejemplos de la partición de entrenamiento.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="286" />
            <source>valid size</source>
            <translation>tamaño de validación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="287" />
            <source>Examples in the validation split.</source>
            <translation>Ejemplos de la partición de validación.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="288" />
            <source>test size</source>
            <translation>tamaño de prueba</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="289" />
            <source>Examples in the test split.</source>
            <translation>Ejemplos de la partición de prueba.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="290" />
            <source>Seed of the generator: the same seed gives the same data.</source>
            <translation>Semilla del generador: la misma semilla da los mismos datos.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="291" />
            <source>length</source>
            <translation>longitud</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="292" />
            <source>Steps T of every sequence.</source>
            <translation>Pasos T de cada secuencia.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="294" />
            <source>Number agreement (es / son)</source>
            <translation>Concordancia de número (es / son)</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="295" />
            <source>Remember the subject's number across a clause of distracting nouns.</source>
            <translation>Recordar el número del sujeto a través de una cláusula llena de sustantivos distractores.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="297" />
            <source>distractor</source>
            <translation>distractores</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="298" />
            <source>Words between the subject and the verb.</source>
            <translation>Palabras entre el sujeto y el verbo.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="300" />
            <source>Noisy sine forecasting</source>
            <translation>Predicción de un seno con ruido</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="301" />
            <source>Predict the next value of a noisy sine wave at every step.</source>
            <translation>Predecir en cada paso el siguiente valor de una onda senoidal con ruido.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="302" />
            <source>noise</source>
            <translation>ruido</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="303" />
            <source>Standard deviation of the Gaussian noise.</source>
            <translation>Desviación típica del ruido gaussiano.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="305" />
            <source>Arpeggio piano rolls</source>
            <translation>Rollos de piano con arpegios</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="306" />
            <source>Generate an arpeggiated I-IV-V-I progression from its starting chord.</source>
            <translation>Generar una progresión I-IV-V-I arpegiada a partir de su acorde inicial.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="308" />
            <source>Steps of the piece, the start chord included.</source>
            <translation>Pasos de la pieza, incluido el acorde inicial.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="309" />
            <source>keys</source>
            <translation>teclas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="310" />
            <source>Piano keys from MIDI 21 (A0); the music example wants 88.</source>
            <translation>Teclas del piano desde MIDI 21 (La0); el ejemplo de música necesita 88.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="312" />
            <source>Date translation</source>
            <translation>Traducción de fechas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="313" />
            <source>Translate Spanish dates to ISO 8601, character by character.</source>
            <translation>Traducir fechas en español a ISO 8601, carácter a carácter.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="314" />
            <source>min year</source>
            <translation>año mínimo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="315" />
            <source>Earliest year.</source>
            <translation>Primer año.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="316" />
            <source>max year</source>
            <translation>año máximo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="317" />
            <source>Latest year.</source>
            <translation>Último año.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="318" />
            <source>formats</source>
            <translation>formatos</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="319" />
            <source>How many source formats: 27 de noviembre de 2026; 27 nov 2026; 27/11/2026; 27-11-2026; lunes 27 de noviembre de 2026.</source>
            <translation>Cuántos formatos de origen: 27 de noviembre de 2026; 27 nov 2026; 27/11/2026; 27-11-2026; lunes 27 de noviembre de 2026.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="322" />
            <source>Context tagging (Roma: city, person or club?)</source>
            <translation>Etiquetado por contexto (Roma: ¿ciudad, persona o club?)</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="323" />
            <source>Tag names as CITY, PERSON or ORG from the words that follow them.</source>
            <translation>Etiquetar nombres como CITY, PERSON u ORG según las palabras que los siguen.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="325" />
            <source>mentions</source>
            <translation>menciones</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="326" />
            <source>Most names in one sentence.</source>
            <translation>Máximo de nombres en una oración.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="328" />
            <source>Toy sentiment with negation</source>
            <translation>Sentimiento de juguete con negación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="329" />
            <source>Positive or negative, where 'no' flips an adjective and 'pero' has the last word.</source>
            <translation>Positivo o negativo, donde 'no' invierte un adjetivo y 'pero' tiene la última palabra.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="331" />
            <source>clauses</source>
            <translation>cláusulas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="332" />
            <source>Most clauses joined by 'pero'.</source>
            <translation>Máximo de cláusulas unidas por 'pero'.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="333" />
            <source>negation</source>
            <translation>negación</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="334" />
            <source>Probability that a clause is negated.</source>
            <translation>Probabilidad de que una cláusula esté negada.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="336" />
            <source>csv</source>
            <translation>csv</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="337" />
            <source>numeric sequences, a row per step: sequence,[step,][split,]features,target...</source>
            <translation>secuencias numéricas, una fila por paso: sequence,[step,][split,]features,target...</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="339" />
            <source>targets</source>
            <translation>objetivos</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="340" />
            <source>Targets on every row (step), on the last row of each sequence (sequence), or told from the file (auto).</source>
            <translation>Objetivos en cada fila (paso), en la última fila de cada secuencia (secuencia) o deducidos del archivo (automático).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="342" />
            <source>auto</source>
            <translation>automático</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="343" />
            <source>step</source>
            <translation>paso</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="344" />
            <source>target kind</source>
            <translation>tipo de objetivo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="345" />
            <source>Real values, one column of class ids, or 0/1 multi-hot values.</source>
            <translation>Valores reales, una columna de identificadores de clase o valores multi-hot 0/1.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="346" />
            <source>real</source>
            <translation>real</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="347" />
            <source>class</source>
            <translation>clase</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="348" />
            <source>multi-hot</source>
            <translation>multi-hot</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="349" />
            <source>max length</source>
            <translation>longitud máxima</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="350" />
            <source>Refuse a sequence with more steps (0 = no limit).</source>
            <translation>Rechazar una secuencia con más pasos (0 = sin límite).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="352" />
            <source>numpy</source>
            <translation>numpy</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="353" />
            <source>.npz with inputs (N, T, F), targets, optional lengths and valid_/test_ arrays</source>
            <translation>.npz con inputs (N, T, F), targets, lengths opcional y arrays valid_/test_</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="355" />
            <source>Told from the targets' dtype (auto), or forced.</source>
            <translation>Deducido del dtype de los objetivos (automático), o impuesto.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="357" />
            <source>text</source>
            <translation>texto</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="358" />
            <source>text classification: text&lt;TAB&gt;label per line, word or character tokens</source>
            <translation>clasificación de texto: texto&lt;TAB&gt;etiqueta por línea, tokens de palabras o de caracteres</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="360" />
            <source>level</source>
            <translation>nivel</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="361" />
            <source>Tokens are words (and punctuation marks) or single characters.</source>
            <translation>Los tokens son palabras (y signos de puntuación) o caracteres sueltos.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="362" />
            <source>word</source>
            <translation>palabra</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="363" />
            <source>char</source>
            <translation>carácter</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="364" />
            <source>lowercase</source>
            <translation>minúsculas</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="365" />
            <source>Lowercase the text before splitting it.</source>
            <translation>Pasar el texto a minúsculas antes de dividirlo.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="366" />
            <source>min count</source>
            <translation>frecuencia mínima</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="367" />
            <source>Occurrences a token needs to enter the vocabulary.</source>
            <translation>Apariciones que necesita un token para entrar en el vocabulario.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="368" />
            <source>max vocabulary</source>
            <translation>vocabulario máximo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="369" />
            <source>Most vocabulary entries, &lt;pad&gt; and &lt;unk&gt; included (0 = no limit).</source>
            <translation>Máximo de entradas del vocabulario, incluidos &lt;pad&gt; y &lt;unk&gt; (0 = sin límite).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="372" />
            <source>parallel</source>
            <translation>paralelo</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="373" />
            <source>sentence pairs for translation: source&lt;TAB&gt;target per line (Tatoeba)</source>
            <translation>pares de oraciones para traducción: origen&lt;TAB&gt;destino por línea (Tatoeba)</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="375" />
            <source>swap</source>
            <translation>intercambiar</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="376" />
            <source>Translate column 2 into column 1.</source>
            <translation>Traducir la columna 2 a la columna 1.</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="377" />
            <source>max pairs</source>
            <translation>máximo de pares</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="378" />
            <source>Read only the first pairs (0 = all).</source>
            <translation>Leer solo los primeros pares (0 = todos).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="379" />
            <source>group by</source>
            <translation>agrupar por</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="380" />
            <source>The side whose equal sentences share a split (default: column 1).</source>
            <translation>El lado cuyas oraciones iguales comparten partición (predeterminado: columna 1).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="382" />
            <source>default</source>
            <translation>predeterminado</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="383" />
            <source>source</source>
            <translation>origen</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="384" />
            <source>target</source>
            <translation>destino</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="386" />
            <source>piano roll</source>
            <translation>rollo de piano</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="387" />
            <source>JSON piano rolls {"train": [[[pitches], ...], ...], ...} (JSB Chorales)</source>
            <translation>rollos de piano en JSON {"train": [[[pitches], ...], ...], ...} (JSB Chorales)</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="389" />
            <source>framing</source>
            <translation>planteamiento</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="390" />
            <source>Predict step t+1 from the steps up to t (next step), or produce the piece from its first chord (generate).</source>
            <translation>Predecir el paso t+1 a partir de los pasos hasta t (paso siguiente) o producir la pieza a partir de su primer acorde (generar).</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="392" />
            <source>next step</source>
            <translation>paso siguiente</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="393" />
            <source>generate</source>
            <translation>generar</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="395" />
            <source>vector</source>
            <translation>vector</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="396" />
            <source>state</source>
            <translation>estado</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="398" />
            <source>1-to-1</source>
            <translation>1 a 1</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="399" />
            <source>1-to-N</source>
            <translation>1 a N</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="400" />
            <source>M-to-1</source>
            <translation>M a 1</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="401" />
            <source>M-to-N (synchronised)</source>
            <translation>M a N (sincronizada)</translation>
        </message>
        <message>
            <location filename="../../app/engine_strings.py" line="402" />
            <source>M-to-N (encoder-decoder)</source>
            <translation>M a N (codificador-decodificador)</translation>
        </message>
    </context>
    <context>
        <name>actions</name>
        <message>
            <location filename="../../designer/actions.py" line="32" />
            <location filename="../../designer/actions.py" line="97" />
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="33" />
            <location filename="../../designer/actions.py" line="101" />
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="34" />
            <source>Cu&amp;t</source>
            <translation>Cor&amp;tar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="35" />
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="36" />
            <source>&amp;Paste</source>
            <translation>&amp;Pegar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="37" />
            <source>D&amp;uplicate</source>
            <translation>D&amp;uplicar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="39" />
            <source>&amp;Delete</source>
            <translation>&amp;Eliminar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="41" />
            <source>Select &amp;All</source>
            <translation>Seleccionar t&amp;odo</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="43" />
            <source>Re&amp;name…</source>
            <translation>Re&amp;nombrar…</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="44" />
            <source>&amp;Fit to View</source>
            <translation>&amp;Ajustar a la vista</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="45" />
            <source>Zoom &amp;In</source>
            <translation>A&amp;cercar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="47" />
            <source>Zoom &amp;Out</source>
            <translation>A&amp;lejar</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="48" />
            <source>Actual &amp;Size</source>
            <translation>Tamaño &amp;real</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="49" />
            <source>&amp;Tidy Layout</source>
            <translation>&amp;Ordenar disposición</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="50" />
            <source>&amp;Snap to Grid</source>
            <translation>Ajustar a la c&amp;uadrícula</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="96" />
            <source>&amp;Undo {what}</source>
            <translation>&amp;Deshacer {what}</translation>
        </message>
        <message>
            <location filename="../../designer/actions.py" line="100" />
            <source>&amp;Redo {what}</source>
            <translation>&amp;Rehacer {what}</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <location filename="../../designer/commands.py" line="88" />
            <source>unknown block kind '{kind}'</source>
            <translation>tipo de bloque desconocido '{kind}'</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="92" />
            <source>a block with id '{id}' already exists</source>
            <translation>ya existe un bloque con el id '{id}'</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="95" />
            <source>Add {title}</source>
            <translation>Añadir {title}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="114" />
            <source>there is no wire {wire}</source>
            <translation>no existe la conexión {wire}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="116" />
            <source>Disconnect {wire}</source>
            <translation>Desconectar {wire}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="138" />
            <source>Connect {src} → {dst}</source>
            <translation>Conectar {src} → {dst}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="169" />
            <source>Delete {n} block(s)</source>
            <translation>Eliminar {n} bloque(s)</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="170" />
            <source>Delete {n} wire(s)</source>
            <translation>Eliminar {n} conexión(es)</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="201" />
            <source>Set {param} of {name} to {value}</source>
            <translation>Cambiar {param} de {name} a {value}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="231" />
            <source>there is nothing to move</source>
            <translation>no hay nada que mover</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="238" />
            <source>Move {name}</source>
            <translation>Mover {name}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="240" />
            <source>Move {n} blocks</source>
            <translation>Mover {n} bloques</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="267" />
            <source>Tidy layout</source>
            <translation>Ordenar disposición</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="278" />
            <source>Rename {old} to {new}</source>
            <translation>Renombrar {old} como {new}</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="297" />
            <source>the clipboard holds no design blocks ({reason})</source>
            <translation>el portapapeles no contiene bloques de diseño ({reason})</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="300" />
            <source>Paste {n} block(s)</source>
            <translation>Pegar {n} bloque(s)</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="307" />
            <source>there is nothing to paste</source>
            <translation>no hay nada que pegar</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="355" />
            <source>Change training settings</source>
            <translation>Cambiar los ajustes de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="370" />
            <source>on</source>
            <translation>sí</translation>
        </message>
        <message>
            <location filename="../../designer/commands.py" line="370" />
            <source>off</source>
            <translation>no</translation>
        </message>
    </context>
    <context>
        <name>equations</name>
        <message>
            <location filename="../../designer/equations.py" line="86" />
            <source>bias_ih_l0 + bias_hh_l0 = b_h: two bias vectors of {h} whose sum is the lecture's b_h</source>
            <translation>bias_ih_l0 + bias_hh_l0 = b_h: dos vectores de sesgo de {h} cuya suma es el b_h de clase</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="100" />
            <source>bias_ih_l0 + bias_hh_l0 = b for r and z ({n} each); for n, b_hn stays inside r ⊙ (…)</source>
            <translation>bias_ih_l0 + bias_hh_l0 = b para r y z ({n} cada uno); para n, b_hn queda dentro de r ⊙ (…)</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="112" />
            <source>named as in the lecture, one bias per gate: W_u, U_u, b_u, …; M_u = [W_u, U_u] is {h}x{n}</source>
            <translation>con los nombres de clase, un sesgo por compuerta: W_u, U_u, b_u, …; M_u = [W_u, U_u] es {h}x{n}</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="135" />
            <source>bias_ih_l0 + bias_hh_l0 = b: two bias vectors of {n} whose sum is the lecture's [b_u; b_f; b_c; b_o] (PyTorch's gate order i, f, g, o)</source>
            <translation>bias_ih_l0 + bias_hh_l0 = b: dos vectores de sesgo de {n} cuya suma es el [b_u; b_f; b_c; b_o] de clase (orden de compuertas de PyTorch: i, f, g, o)</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="140" />
            <source>named as in the lecture, one bias per gate: W_u, U_u, P_u, b_u, …</source>
            <translation>con los nombres de clase, un sesgo por compuerta: W_u, U_u, P_u, b_u, …</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="143" />
            <source>{n} stacked layers: layer 1 reads x(t) (size {i}); layers 2 to {n} read the layer below (size {w}), so their U are {h}x{w}</source>
            <translation>{n} capas apiladas: la capa 1 lee x(t) (tamaño {i}); las capas 2 a {n} leen la capa inferior (tamaño {w}), así que sus U son {h}x{w}</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="148" />
            <source>concatenated</source>
            <translation>concatenan</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="149" />
            <source>summed</source>
            <translation>suman</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="150" />
            <source>bidirectional: a backward layer with its own weights reads x(T..1); the two outputs are {join}</source>
            <translation>bidireccional: una capa hacia atrás con sus propios pesos lee x(T..1); las dos salidas se {join}</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="154" />
            <source>the backward direction's tensors end in _reverse</source>
            <translation>los tensores de la dirección hacia atrás acaban en _reverse</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="157" />
            <source>runs as a custom cell (not a fused PyTorch layer)</source>
            <translation>se ejecuta como una celda propia (no como una capa fusionada de PyTorch)</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="180" />
            <source>{x} = one-hot vector of {v} (a single 1)</source>
            <translation>{x} = vector one-hot de {v} (un único 1)</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="183" />
            <source>{x} = E[token]</source>
            <translation>{x} = E[token]</translation>
        </message>
        <message>
            <location filename="../../designer/equations.py" line="208" />
            <source>learned start: {w}x1</source>
            <translation>inicio aprendido: {w}x1</translation>
        </message>
    </context>
    <context>
        <name>numbers</name>
        <message>
            <location filename="../../designer/engine_text.py" line="50" />
            <source>,</source>
            <comment>thousands separator</comment>
            <extracomment>Display names of choice values that are not just the value with spaces.</extracomment>
            <translation>.</translation>
        </message>
    </context>
    <context>
        <name>overlays</name>
        <message>
            <location filename="../../designer/overlays.py" line="32" />
            <source>shape not known yet</source>
            <translation>forma aún desconocida</translation>
        </message>
        <message>
            <location filename="../../designer/overlays.py" line="33" />
            <source>{n} parameters</source>
            <translation>{n} parámetros</translation>
        </message>
        <message>
            <location filename="../../designer/overlays.py" line="38" />
            <source>{n} error(s)</source>
            <translation>{n} error(es)</translation>
        </message>
        <message>
            <location filename="../../designer/overlays.py" line="40" />
            <source>{n} warning(s)</source>
            <translation>{n} aviso(s)</translation>
        </message>
        <message>
            <location filename="../../designer/overlays.py" line="57" />
            <source>The network's shape and its total number of trainable parameters</source>
            <translation>La forma de la red y su número total de parámetros entrenables</translation>
        </message>
        <message>
            <location filename="../../designer/overlays.py" line="75" />
            <source>sequence (B, T, n)</source>
            <translation>secuencia (B, T, n)</translation>
        </message>
        <message>
            <location filename="../../designer/overlays.py" line="76" />
            <source>vector (B, n)</source>
            <translation>vector (B, n)</translation>
        </message>
    </context>
    <context>
        <name>summaries</name>
        <message>
            <location filename="../../designer/summaries.py" line="44" />
            <source>LSTM ({peepholes} peepholes) {size}</source>
            <translation>LSTM {size} (mirillas {peepholes})</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="51" />
            <source>{cell}, bidirectional</source>
            <translation>{cell}, bidireccional</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="53" />
            <location filename="../../designer/summaries.py" line="61" />
            <source>{text} (sum)</source>
            <translation>{text} (suma)</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="59" />
            <source>Bidirectional {cell}</source>
            <translation>{cell} bidireccional</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="69" />
            <location filename="../../designer/summaries.py" line="81" />
            <source>embedding {n}</source>
            <translation>embedding {n}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="70" />
            <source>sequence of tokens ({v}), {encoding}</source>
            <translation>secuencia de tokens ({v}), {encoding}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="71" />
            <source>element of tokens ({v}), {encoding}</source>
            <translation>elemento de tokens ({v}), {encoding}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="73" />
            <source>sequence of {n} features</source>
            <translation>secuencia de {n} caract.</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="74" />
            <source>element of {n} features</source>
            <translation>elemento de {n} caract.</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="79" />
            <source>Feedback {n}</source>
            <translation>Realimentación {n}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="96" />
            <source>Dense {n}, {activation}</source>
            <translation>Densa {n}, {activation}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="98" />
            <source>Output {n}, {activation}</source>
            <translation>Salida {n}, {activation}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="100" />
            <source>Dropout {p}</source>
            <translation>Dropout {p}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="102" />
            <source>Concatenate</source>
            <translation>Concatenar</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="103" />
            <source>Repeat x{n}</source>
            <translation>Repetir x{n}</translation>
        </message>
        <message>
            <location filename="../../designer/summaries.py" line="105" />
            <source>Pool ({mode})</source>
            <translation>Agregación ({mode})</translation>
        </message>
    </context>
    <context>
        <name>wiring</name>
        <message>
            <location filename="../../designer/compat.py" line="71" />
            <source>that port no longer exists</source>
            <translation>ese puerto ya no existe</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="73" />
            <source>a wire runs from an output (right side) to an input (left side)</source>
            <translation>una conexión va de una salida (lado derecho) a una entrada (lado izquierdo)</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="76" />
            <source>a block cannot feed itself; recurrence through time happens inside recurrent blocks</source>
            <translation>un bloque no puede alimentarse a sí mismo; la recurrencia en el tiempo ocurre dentro de los bloques recurrentes</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="79" />
            <source>these ports are already wired</source>
            <translation>estos puertos ya están conectados</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="82" />
            <source>'generated' takes the prediction of an Output block, fed back as the next step's input</source>
            <translation>'generated' recibe la predicción de un bloque de salida, realimentada como entrada del paso siguiente</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="85" />
            <source>an Output block's prediction only feeds a Feedback block's 'generated' port; put a Dense block before it to add a layer</source>
            <translation>la predicción de un bloque de salida solo alimenta el puerto 'generated' de un bloque de realimentación; pon antes un bloque denso para añadir una capa</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="94" />
            <source>this wire would close a loop; recurrence through time happens inside recurrent blocks, and a prediction returns through a Feedback block</source>
            <translation>esta conexión cerraría un ciclo; la recurrencia en el tiempo ocurre dentro de los bloques recurrentes, y una predicción vuelve a través de un bloque de realimentación</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="101" />
            <source>{got} cannot feed a {want} input</source>
            <translation>{got} no puede alimentar una entrada de {want}</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="110" />
            <source>use the {title}'s '{port}' output</source>
            <translation>usa la salida '{port}' del bloque {title}</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="113" />
            <source>repeat the vector with a Repeat block to make a sequence</source>
            <translation>repite el vector con un bloque Repetir para formar una secuencia</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="116" />
            <source>take a recurrent block's 'last' output, or summarise the sequence with a Pool block</source>
            <translation>toma la salida 'last' de un bloque recurrente, o resume la secuencia con un bloque de agregación en el tiempo</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="119" />
            <source>an initial state comes from a recurrent block's 'state' output</source>
            <translation>un estado inicial viene de la salida 'state' de un bloque recurrente</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="130" />
            <source>replaces the wire from {src}</source>
            <translation>sustituye la conexión desde {src}</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="138" />
            <source>a sequence</source>
            <translation>una secuencia</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="139" />
            <source>a vector</source>
            <translation>un vector</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="140" />
            <source>a state</source>
            <translation>un estado</translation>
        </message>
        <message>
            <location filename="../../designer/compat.py" line="143" />
            <source>{a} or {b}</source>
            <translation>{a} o {b}</translation>
        </message>
    </context>
</TS>