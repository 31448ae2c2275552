; Minute Book in Explorer's "Open with" for .json files, without becoming every .json file's opener
; (electron-builder's own fileAssociations would set .json's default to Minute Book: see
; build/electron-builder.yml). Only the .json key's OpenWithProgids list is touched, and the ProgID's
; open command; the clerk's default program for JSON stays as it was. Included by nsis.include.

!define MINUTE_BOOK_PROGID "MinuteBook.MinutesOrArchive"

!macro customInstall
  WriteRegNone SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "${MINUTE_BOOK_PROGID}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MINUTE_BOOK_PROGID}" "" "Minute Book minutes or archive"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MINUTE_BOOK_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MINUTE_BOOK_PROGID}\shell\open" "" "Import into Minute Book"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MINUTE_BOOK_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  ; Tells Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "${MINUTE_BOOK_PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${MINUTE_BOOK_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend
